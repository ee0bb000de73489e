using Marketplaces.Tests.Infrastructure;

namespace Marketplaces.Tests.Ebay;

/// <summary>The app with eBay's sandbox lifetimes shortened (Sandbox:Lifetimes:ebay).</summary>
public sealed class ShortLivedEbayApp : ServerAppFactory
{
    public ShortLivedEbayApp()
    {
        With("Sandbox:Lifetimes:ebay:CodeSeconds", "2");
        With("Sandbox:Lifetimes:ebay:AccessTokenSeconds", "2");
        With("Sandbox:Lifetimes:ebay:RefreshTokenSeconds", "4");
    }
}

public sealed class EbayLifetimeTests(ShortLivedEbayApp app) : IClassFixture<ShortLivedEbayApp>, IDisposable
{
    private readonly EbaySandboxClient _ebay = new(app);

    [Fact]
    public async Task Codes_and_access_tokens_die_when_their_configured_lifetimes_end()
    {
        var tokens = await _ebay.ConnectAsync();
        var unused = await _ebay.ApproveAsync();
        Assert.Equal("2", unused["expires_in"]);

        await Task.Delay(TimeSpan.FromSeconds(2.5));

        var code = await SandboxHttp.JsonAsync(await _ebay.ExchangeAsync(unused["code"]), HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", code.Text("error"));
        await SandboxHttp.JsonAsync(await _ebay.GetUserAsync(tokens.Text("access_token")), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refreshing_does_not_extend_the_refresh_tokens_own_lifetime()
    {
        var tokens = await _ebay.ConnectAsync();
        Assert.Equal(4, tokens.GetProperty("refresh_token_expires_in").GetInt32());

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await SandboxHttp.JsonAsync(await _ebay.RefreshAsync(tokens.Text("refresh_token"), EbaySandboxClient.BaseScope), HttpStatusCode.OK);
        await Task.Delay(TimeSpan.FromSeconds(2));

        var error = await SandboxHttp.JsonAsync(await _ebay.RefreshAsync(tokens.Text("refresh_token"), EbaySandboxClient.BaseScope), HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", error.Text("error"));
    }

    public void Dispose() => _ebay.Dispose();
}
