using Marketplaces.Tests.Infrastructure;

namespace Marketplaces.Tests.AliExpress;

/// <summary>An app whose AliExpress emulator runs with the shortened lifetimes tests configure under Sandbox:Lifetimes.</summary>
public sealed class ShortLivedAliExpressApp : ServerAppFactory
{
    public ShortLivedAliExpressApp()
    {
        With("Sandbox:Lifetimes:aliexpress:CodeSeconds", "3");
        With("Sandbox:Lifetimes:aliexpress:AccessTokenSeconds", "120");
        With("Sandbox:Lifetimes:aliexpress:RefreshTokenSeconds", "600");
    }
}

public class AliExpressLifetimeOverrideTests(ShortLivedAliExpressApp app) : IClassFixture<ShortLivedAliExpressApp>
{
    private readonly AliExpressSandboxDriver _driver = new(app);

    [Fact]
    public async Task An_expired_code_is_refused_with_InvalidCode()
    {
        var code = await _driver.ApproveAsync();
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        Assert.Equal("InvalidCode", (await _driver.CreateTokenAsync(code)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Tokens_carry_the_configured_lifetimes()
    {
        var tokens = await _driver.CreateTokenAsync(await _driver.ApproveAsync());
        Assert.Equal(120, tokens.GetProperty("expires_in").GetInt64());
        Assert.InRange(tokens.GetProperty("refresh_expires_in").GetInt64(), 598, 600);
    }
}
