using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Shopify;

namespace Marketplaces.Tests.Shopify;

/// <summary>The callback checks on worked example A (secret "hush", timestamp 1700000000), with the clock frozen.</summary>
public class ShopifyCallbackVerifierTests
{
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1700000000);

    private static MarketplaceTarget Target(string shop = "example-shop.myshopify.com", string secret = "hush", string? previous = null) => new(
        MarketplaceCatalog.Load()["shopify"], MarketplaceEnvironment.Production, shop,
        new ResolvedEndpoints("", "", "", null, "", new Dictionary<string, string>()),
        new AppCredentials(new Dictionary<string, string> { ["clientId"] = "client", ["clientSecret"] = secret },
            previous is null ? null : new Dictionary<string, string> { ["clientSecret"] = previous }),
        "https://dashboard.example/connections/callback/shopify");

    private static string? Verify(TimeSpan clockOffset, MarketplaceTarget target, Dictionary<string, string>? callback = null) =>
        new ShopifyCallbackVerifier(new FrozenClock(SignedAt + clockOffset)).Verify(target, callback ?? ShopifyHmacTests.ExampleA());

    [Fact]
    public void A_genuine_callback_for_the_shop_being_connected_passes() =>
        Assert.Null(Verify(TimeSpan.Zero, Target()));

    [Theory]
    [InlineData(89)]
    [InlineData(-89)]
    public void A_timestamp_within_ninety_seconds_either_way_passes(int seconds) =>
        Assert.Null(Verify(TimeSpan.FromSeconds(seconds), Target()));

    [Theory]
    [InlineData(91)]
    [InlineData(-91)]
    public void A_timestamp_more_than_ninety_seconds_off_fails(int seconds) =>
        Assert.Contains("too old", Verify(TimeSpan.FromSeconds(seconds), Target()));

    [Fact]
    public void A_callback_signed_with_another_secret_fails() =>
        Assert.Contains("not signed", Verify(TimeSpan.Zero, Target(secret: "not-hush")));

    [Fact]
    public void Within_an_hour_of_a_rotation_a_callback_signed_with_the_previous_secret_passes() =>
        Assert.Null(Verify(TimeSpan.Zero, Target(secret: "rotated", previous: "hush")));

    [Fact]
    public void A_callback_without_hmac_fails()
    {
        var callback = ShopifyHmacTests.ExampleA();
        callback.Remove("hmac");
        Assert.Contains("not signed", Verify(TimeSpan.Zero, Target(), callback));
    }

    [Fact]
    public void A_genuine_callback_for_another_shop_than_the_one_started_fails() =>
        Assert.Contains("another shop", Verify(TimeSpan.Zero, Target(shop: "other-shop.myshopify.com")));

    [Fact]
    public void A_shop_outside_the_domain_rule_fails_even_when_signed()
    {
        var callback = ShopifyHmacTests.ExampleA();
        callback["shop"] = "example-shop.myshopify.com.evil.example";
        callback["hmac"] = ShopifyHmac.Compute("hush", callback);
        Assert.Contains("another shop", Verify(TimeSpan.Zero, Target(shop: "example-shop.myshopify.com.evil.example"), callback));
    }

    private sealed class FrozenClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
