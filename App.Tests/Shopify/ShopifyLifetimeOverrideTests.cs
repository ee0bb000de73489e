using Marketplaces.Tests.Infrastructure;

namespace Marketplaces.Tests.Shopify;

/// <summary>An app whose Shopify emulator runs with the shortened lifetimes tests configure under Sandbox:Lifetimes.</summary>
public sealed class ShortLivedShopifyApp : ServerAppFactory
{
    public ShortLivedShopifyApp()
    {
        With("Sandbox:Lifetimes:shopify:CodeSeconds", "3");
        With("Sandbox:Lifetimes:shopify:AccessTokenSeconds", "60");
        With("Sandbox:Lifetimes:shopify:RefreshTokenSeconds", "600");
    }
}

public class ShopifyLifetimeOverrideTests(ShortLivedShopifyApp app) : IClassFixture<ShortLivedShopifyApp>
{
    private readonly ShopifySandboxDriver _driver = new(app);

    [Fact]
    public async Task An_expired_code_is_refused_with_invalid_grant()
    {
        var code = (await _driver.ApproveAsync())["code"];
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        var (id, secret) = await _driver.AppAsync();
        var error = await ShopifySandboxDriver.JsonAsync(
            await _driver.PostTokenAsync(new { client_id = id, client_secret = secret, code, expiring = "1" }), HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Tokens_carry_the_configured_lifetimes()
    {
        var tokens = await _driver.ExchangeAsync((await _driver.ApproveAsync())["code"]);
        Assert.Equal(60, tokens.GetProperty("expires_in").GetInt64());
        Assert.Equal(600, tokens.GetProperty("refresh_token_expires_in").GetInt64());
    }
}
