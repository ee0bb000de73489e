using System.Text.Json;
using Marketplaces.Catalog;
using Marketplaces.Connections;

namespace Marketplaces.Tests.Connections;

public sealed class TokenResponseTests
{
    private static readonly MarketplaceCatalog Catalog = MarketplaceCatalog.Load();
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Ebays_code_exchange_answer_gives_two_hours_and_an_18_month_refresh_token()
    {
        var json = JsonDocument.Parse("""{"access_token":"v^1.1#i^1#abc","expires_in":7200,"refresh_token":"v^1.1#r^1#def","refresh_token_expires_in":47304000,"token_type":"User Access Token"}""");
        var tokens = TokenResponse.Read(json.RootElement, Catalog["ebay"], Now);
        Assert.Equal("v^1.1#i^1#abc", tokens.AccessToken);
        Assert.Equal(Now.AddHours(2), tokens.AccessTokenExpiresAt);
        Assert.Equal(Now.AddSeconds(47304000), tokens.RefreshTokenExpiresAt);
        Assert.Equal("User Access Token", tokens.Details["token_type"]);
        Assert.False(tokens.Details.ContainsKey("access_token"));
    }

    [Fact]
    public void Tiktoks_refresh_expires_in_and_comma_scopes_are_read()
    {
        var json = JsonDocument.Parse("""{"access_token":"act.x","expires_in":86400,"open_id":"afd97af1","refresh_expires_in":31536000,"refresh_token":"rft.y","scope":"user.info.basic,video.list","token_type":"Bearer"}""");
        var tokens = TokenResponse.Read(json.RootElement, Catalog["tiktok"], Now);
        Assert.Equal(["user.info.basic", "video.list"], tokens.Scopes);
        Assert.Equal(Now.AddDays(365), tokens.RefreshTokenExpiresAt);
        Assert.Equal("afd97af1", tokens.Details["open_id"]);
    }

    [Fact]
    public void A_refresh_answer_without_refresh_token_or_scope_leaves_them_to_the_caller()
    {
        var json = JsonDocument.Parse("""{"access_token":"v^1.1#i^1#new","expires_in":7200,"token_type":"User Access Token"}""");
        var tokens = TokenResponse.Read(json.RootElement, Catalog["ebay"], Now);
        Assert.Null(tokens.RefreshToken);
        Assert.Null(tokens.RefreshTokenExpiresAt);
        Assert.Empty(tokens.Scopes);
    }

    [Fact]
    public void Etsys_refresh_token_gets_the_catalog_lifetime_when_the_answer_does_not_say()
    {
        var json = JsonDocument.Parse("""{"access_token":"12345678.a","token_type":"Bearer","expires_in":3600,"refresh_token":"12345678.b"}""");
        var tokens = TokenResponse.Read(json.RootElement, Catalog["etsy"], Now);
        Assert.Equal(Now.AddDays(90), tokens.RefreshTokenExpiresAt);
    }

    [Fact]
    public void A_token_set_never_prints_its_tokens()
    {
        var tokens = new TokenSet("secret-access", "secret-refresh", Now, Now, ["a"], new Dictionary<string, string>());
        Assert.DoesNotContain("secret", tokens.ToString());
    }
}
