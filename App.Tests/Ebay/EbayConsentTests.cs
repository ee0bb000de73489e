using Marketplaces.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Ebay;

/// <summary>eBay's consent page in the emulator (ebay.md §1.2).</summary>
public sealed class EbayConsentTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>, IDisposable
{
    private readonly EbaySandboxClient _ebay = new(app);

    [Fact]
    public async Task The_consent_page_lists_the_scopes_and_offers_approve_and_deny()
    {
        var journal = app.Services.GetRequiredService<SandboxJournal>();
        var before = journal.Count("ebay", "authorize");
        var page = await _ebay.Http.GetAsync(await _ebay.ConsentUrlAsync());
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(EbaySandboxClient.InventoryScope, html);
        Assert.Contains(">Approve</button>", html);
        Assert.Contains(">Deny</button>", html);
        Assert.Equal(before + 1, journal.Count("ebay", "authorize"));
    }

    [Fact]
    public async Task An_unknown_app_id_gets_an_error_page_and_no_redirect()
    {
        var page = await _ebay.Http.GetAsync(await _ebay.ConsentUrlAsync(new Dictionary<string, string?> { ["client_id"] = "Someone-Else-SBX-1" }));
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Null(page.Headers.Location);
    }

    [Fact]
    public async Task The_callback_url_in_place_of_the_runame_is_refused()
    {
        var page = await _ebay.Http.GetAsync(await _ebay.ConsentUrlAsync(new Dictionary<string, string?> { ["redirect_uri"] = _ebay.Callback }));
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("RuName", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_response_type_other_than_code_returns_unsupported_response_type()
    {
        var response = await _ebay.Http.GetAsync(await _ebay.ConsentUrlAsync(new Dictionary<string, string?> { ["response_type"] = "token" }));
        Assert.Equal("unsupported_response_type", SandboxConsentPage.RedirectParameters(response)["error"]);
    }

    [Theory]
    [InlineData("https://api.ebay.com/oauth/api_scope/sell.everything")]
    [InlineData("sell.inventory")]
    [InlineData(null)]
    public async Task An_unknown_or_missing_scope_returns_invalid_scope_with_the_state(string? scope)
    {
        var response = await _ebay.Http.GetAsync(await _ebay.ConsentUrlAsync(new Dictionary<string, string?> { ["scope"] = scope }));
        var callback = SandboxConsentPage.RedirectParameters(response);
        Assert.Equal(_ebay.Callback, SandboxConsentPage.RedirectTarget(response));
        Assert.Equal("invalid_scope", callback["error"]);
        Assert.Equal("state-1", callback["state"]);
    }

    [Fact]
    public async Task Approve_returns_to_the_runames_url_with_state_an_encoded_code_and_expires_in_299()
    {
        var response = await SandboxConsentPage.DecideAsync(_ebay.Http, await _ebay.ConsentUrlAsync(), "approve");
        var callback = SandboxConsentPage.RedirectParameters(response);
        Assert.Equal(_ebay.Callback, SandboxConsentPage.RedirectTarget(response));
        Assert.Equal("state-1", callback["state"]);
        Assert.Equal("299", callback["expires_in"]);
        Assert.StartsWith("v^1.1#i^1#", callback["code"]);
        Assert.Contains("code=v%5E1.1%23i%5E1%23", response.Headers.Location!.Query);
    }

    [Fact]
    public async Task Deny_returns_with_access_denied_and_the_state_but_no_code()
    {
        var response = await SandboxConsentPage.DecideAsync(_ebay.Http, await _ebay.ConsentUrlAsync(), "deny");
        var callback = SandboxConsentPage.RedirectParameters(response);
        Assert.Equal(_ebay.Callback, SandboxConsentPage.RedirectTarget(response));
        Assert.Equal("access_denied", callback["error"]);
        Assert.Equal("state-1", callback["state"]);
        Assert.DoesNotContain("code", callback.Keys);
    }

    public void Dispose() => _ebay.Dispose();
}
