using Marketplaces.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Amazon;

/// <summary>Seller Central's consent page in the emulator (amazon.md §1.1).</summary>
public sealed class AmazonConsentTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>, IDisposable
{
    private readonly AmazonSandboxClient _amazon = new(app);

    [Fact]
    public async Task The_consent_page_offers_approve_and_deny_for_the_registered_application()
    {
        var journal = app.Services.GetRequiredService<SandboxJournal>();
        var before = journal.Count("amazon", "authorize");
        var page = await _amazon.Http.GetAsync(await _amazon.ConsentUrlAsync());
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(">Approve</button>", html);
        Assert.Contains(">Deny</button>", html);
        Assert.Equal(before + 1, journal.Count("amazon", "authorize"));
    }

    [Fact]
    public async Task An_application_id_that_is_not_registered_gets_an_error_page_and_no_redirect()
    {
        var page = await _amazon.Http.GetAsync(await _amazon.ConsentUrlAsync(applicationId: "amzn1.sp.solution.unknown"));
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Null(page.Headers.Location);
        Assert.Contains("application_id", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_redirect_uri_other_than_the_registered_callback_is_refused_with_md5101()
    {
        var page = await _amazon.Http.GetAsync(await _amazon.ConsentUrlAsync(redirectUri: _amazon.Callback + "/elsewhere"));
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("MD5101", await page.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("client_id")]
    [InlineData("scope")]
    [InlineData("response_type")]
    public async Task Lwa_parameters_on_the_seller_central_url_reveal_a_misconfigured_client(string parameter)
    {
        var url = await _amazon.ConsentUrlAsync(extra: new Dictionary<string, string?> { [parameter] = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, (await _amazon.Http.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_request_without_state_is_refused()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await _amazon.Http.GetAsync(await _amazon.ConsentUrlAsync(state: null))).StatusCode);
    }

    [Fact]
    public async Task Approve_returns_to_the_callback_with_state_selling_partner_id_and_spapi_oauth_code()
    {
        var callback = await _amazon.ApproveAsync(state: "opaque-state");
        Assert.Equal("opaque-state", callback["state"]);
        Assert.Matches("^A[0-9A-Z]{13}$", callback["selling_partner_id"]);
        Assert.False(string.IsNullOrEmpty(callback["spapi_oauth_code"]));
        Assert.DoesNotContain("code", callback.Keys);
    }

    [Fact]
    public async Task Without_redirect_uri_the_seller_returns_to_the_first_registered_uri()
    {
        var response = await SandboxConsentPage.DecideAsync(_amazon.Http, await _amazon.ConsentUrlAsync(), "approve");
        Assert.Equal(_amazon.Callback, SandboxConsentPage.RedirectTarget(response));
    }

    [Fact]
    public async Task The_same_sandbox_account_is_the_same_seller_and_another_name_is_another_seller()
    {
        var first = await _amazon.ApproveAsync("shop-one");
        var again = await _amazon.ApproveAsync("shop-one");
        var other = await _amazon.ApproveAsync("shop-two");
        Assert.Equal(first["selling_partner_id"], again["selling_partner_id"]);
        Assert.NotEqual(first["selling_partner_id"], other["selling_partner_id"]);
        Assert.NotEqual(first["spapi_oauth_code"], again["spapi_oauth_code"]);
    }

    [Fact]
    public async Task Deny_returns_to_the_callback_with_access_denied_and_the_state_but_no_code()
    {
        var response = await SandboxConsentPage.DecideAsync(_amazon.Http, await _amazon.ConsentUrlAsync("denied-state", _amazon.Callback), "deny");
        var callback = SandboxConsentPage.RedirectParameters(response);
        Assert.Equal(_amazon.Callback, SandboxConsentPage.RedirectTarget(response));
        Assert.Equal("access_denied", callback["error"]);
        Assert.Equal("denied-state", callback["state"]);
        Assert.DoesNotContain("spapi_oauth_code", callback.Keys);
    }

    public void Dispose() => _amazon.Dispose();
}
