using Marketplaces.Tests.Infrastructure;

namespace Marketplaces.Tests.Amazon;

/// <summary>The app with Amazon's sandbox lifetimes shortened to two seconds (Sandbox:Lifetimes:amazon).</summary>
public sealed class ShortLivedAmazonApp : ServerAppFactory
{
    public ShortLivedAmazonApp()
    {
        With("Sandbox:Lifetimes:amazon:CodeSeconds", "2");
        With("Sandbox:Lifetimes:amazon:AccessTokenSeconds", "2");
        With("Sandbox:Lifetimes:amazon:RefreshTokenSeconds", "2");
    }
}

public sealed class AmazonLifetimeTests(ShortLivedAmazonApp app) : IClassFixture<ShortLivedAmazonApp>, IDisposable
{
    private readonly AmazonSandboxClient _amazon = new(app);

    [Fact]
    public async Task Codes_access_tokens_and_refresh_tokens_die_when_their_configured_lifetimes_end()
    {
        var tokens = await _amazon.ConnectAsync();
        Assert.Equal(2, tokens.GetProperty("expires_in").GetInt32());
        var unusedCode = (await _amazon.ApproveAsync())["spapi_oauth_code"];

        await Task.Delay(TimeSpan.FromSeconds(2.5));

        var code = await SandboxHttp.JsonAsync(await _amazon.ExchangeAsync(unusedCode), HttpStatusCode.BadRequest);
        Assert.Equal("The request has an invalid grant parameter : code", code.Text("error_description"));
        var expired = await SandboxHttp.JsonAsync(await _amazon.MarketplaceParticipationsAsync(tokens.Text("access_token")), HttpStatusCode.Forbidden);
        Assert.Equal(("Unauthorized", "Access to requested resource is denied.", "The access token you provided has expired."),
            (expired.GetProperty("errors")[0].Text("code"), expired.GetProperty("errors")[0].Text("message"), expired.GetProperty("errors")[0].Text("details")));
        var refresh = await SandboxHttp.JsonAsync(await _amazon.RefreshAsync(tokens.Text("refresh_token")), HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", refresh.Text("error"));
    }

    public void Dispose() => _amazon.Dispose();
}
