using Marketplaces.Tests.Infrastructure;

namespace Marketplaces.Tests.Etsy;

/// <summary>The Etsy emulator with lifetimes shortened by configuration (Sandbox:Lifetimes:etsy).</summary>
public sealed class EtsyExpiryTests(EtsyExpiryTests.ShortLivedEtsy app) : IClassFixture<EtsyExpiryTests.ShortLivedEtsy>
{
    public sealed class ShortLivedEtsy : ServerAppFactory
    {
        public ShortLivedEtsy()
        {
            With("Sandbox:Lifetimes:etsy:AccessTokenSeconds", "1");
            With("Sandbox:Lifetimes:etsy:RefreshTokenSeconds", "1");
            With("Sandbox:Lifetimes:etsy:CodeSeconds", "1");
        }
    }

    private readonly EtsySandboxDriver _etsy = new(app);

    [Fact]
    public async Task The_configured_access_lifetime_is_announced()
    {
        var tokens = await _etsy.ConnectAsync();

        Assert.Equal(1, tokens.GetProperty("expires_in").GetInt32());
    }

    [Fact]
    public async Task An_expired_code_cannot_be_exchanged()
    {
        var verifier = EtsySandboxDriver.NewVerifier();
        var code = await _etsy.CodeAsync(verifier);
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        using var response = await _etsy.TokenAsync(await _etsy.ExchangeFormAsync(code, verifier));

        await EtsyTokenEndpointTests.AssertOAuthErrorAsync(response, "invalid_grant");
    }

    [Fact]
    public async Task An_expired_access_token_gets_Etsys_invalid_token_answer()
    {
        var access = (await _etsy.ConnectAsync()).GetProperty("access_token").GetString()!;
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        using var response = await _etsy.ApiAsync("/v3/application/users/me", await _etsy.ApiKeyAsync(), access);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("{\"error\":\"invalid_token\",\"error_description\":\"access token is expired\"}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_expired_refresh_token_is_revoked()
    {
        var refresh = (await _etsy.ConnectAsync()).GetProperty("refresh_token").GetString()!;
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        using var response = await _etsy.TokenAsync(await _etsy.RefreshFormAsync(refresh));

        var error = await EtsyTokenEndpointTests.AssertOAuthErrorAsync(response, "invalid_grant");
        Assert.Equal("refresh_token is revoked", error.GetProperty("error_description").GetString());
    }
}
