namespace Marketplaces.Etsy.Sandbox;

/// <summary>
/// Etsy's OAuth rules as shared/marketplaces/etsy.md states them, kept apart from the catalog on purpose: a catalog
/// mistake must fail a test instead of agreeing with a copy of itself.
/// </summary>
internal static class EtsySandboxRules
{
    public const string Id = "etsy";
    public const string Name = "Etsy";

    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(90);

    /// <summary>The sheet is silent on the code's lifetime; RFC 6749 §4.1.2 recommends at most ten minutes.</summary>
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    /// <summary>Every scope the Open API v3 spec (oauth2 flow) defines.</summary>
    public static readonly IReadOnlySet<string> Scopes = new HashSet<string>(StringComparer.Ordinal)
    {
        "address_r", "address_w", "billing_r", "cart_r", "cart_w", "email_r", "favorites_r", "favorites_w", "feedback_r",
        "listings_d", "listings_r", "listings_w", "profile_r", "profile_w", "recommend_r", "recommend_w", "shops_r",
        "shops_w", "transactions_r", "transactions_w",
    };
}
