namespace Marketplaces.Tests.Infrastructure;

/// <summary>The account parameter each marketplace's built-in sandbox connect needs (shop, store URL, region).</summary>
public static class SandboxAccounts
{
    public static string? For(string marketplace, AppFactory app) => marketplace switch
    {
        "amazon" => "na",
        "shopify" => "sandbox-shop.myshopify.com",
        "woocommerce" or "prestashop" => new Uri(app.ServerAddress, $"/sandbox/{marketplace}").ToString().TrimEnd('/'),
        _ => null,
    };

    public static readonly string[] OAuth = ["amazon", "ebay", "etsy", "tiktok", "aliexpress", "shopify"];

    public static readonly string[] Keyed = ["woocommerce", "prestashop"];

    /// <summary>Connects a key-based sandbox store with keys its emulator issued (filled in when the emulators merge).</summary>
    public static Task<Marketplaces.Connections.ConnectOutcome> ConnectKeyedAsync(AppFactory app, string marketplace) =>
        throw new NotImplementedException(marketplace);
}
