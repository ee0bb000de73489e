namespace Marketplaces.Ebay.Sandbox;

/// <summary>The OAuth scopes the emulator knows (ebay.md §1.2); the same URLs in sandbox and production.</summary>
internal static class EbayScopes
{
    private const string Prefix = "https://api.ebay.com/oauth/api_scope";

    /// <summary>The base scope, also the only one an application (client credentials) token gets here.</summary>
    public const string Base = Prefix;

    /// <summary>Commerce Identity API getUser. Not in ebay.md: the scope name is from memory of eBay's docs.</summary>
    public const string IdentityReadonly = Prefix + "/commerce.identity.readonly";

    /// <summary>createShippingFulfillment's security: the read-only scope does not do.</summary>
    public const string Fulfillment = Prefix + "/sell.fulfillment";

    /// <summary>The Fulfillment API's read operations take either scope.</summary>
    public static readonly IReadOnlySet<string> FulfillmentRead = new HashSet<string>(StringComparer.Ordinal) { Fulfillment, Fulfillment + ".readonly" };

    /// <summary>The Inventory API's writes; its reads take the read-only scope too.</summary>
    public const string Inventory = Prefix + "/sell.inventory";

    public static readonly IReadOnlySet<string> InventoryRead = new HashSet<string>(StringComparer.Ordinal) { Inventory, Inventory + ".readonly" };

    /// <summary>The Account API's reads (business policies).</summary>
    public static readonly IReadOnlySet<string> AccountRead = new HashSet<string>(StringComparer.Ordinal) { Prefix + "/sell.account", Prefix + "/sell.account.readonly" };

    public static readonly IReadOnlySet<string> User = new HashSet<string>(StringComparer.Ordinal)
    {
        Base,
        Prefix + "/sell.inventory", Prefix + "/sell.inventory.readonly",
        Prefix + "/sell.fulfillment", Prefix + "/sell.fulfillment.readonly",
        Prefix + "/sell.account", Prefix + "/sell.account.readonly",
        Prefix + "/commerce.notification.subscription", Prefix + "/commerce.notification.subscription.readonly",
        Prefix + "/commerce.message", Prefix + "/sell.finances", Prefix + "/sell.payment.dispute",
        IdentityReadonly,
    };

    /// <summary>eBay separates scopes with spaces (its C# client sends '+', which form decoding turns into spaces).</summary>
    public static IReadOnlyList<string> Parse(string? scope) =>
        (scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
