using Marketplaces.Sandbox;

namespace Marketplaces.Shopify.Sandbox;

/// <summary>
/// What the emulator knows from the fact sheet, independently of the catalog: expiring offline tokens live 60
/// minutes and their refresh tokens 90 days (§2.4), the Admin API version it serves (§0).
/// </summary>
internal static class ShopifySandbox
{
    public const string Id = "shopify";
    public const string Name = "Shopify";
    public const string ApiVersion = "2026-10";

    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(60);
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(90);

    /// <summary>The sheet gives no code lifetime; two minutes is ample for a server that exchanges at once.</summary>
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(2);
}

/// <summary>The sandbox app registration: client id and the secret that authenticates and signs.</summary>
internal sealed record ShopifySandboxApp(string ClientId, string ClientSecret)
{
    public static async Task<ShopifySandboxApp> LoadAsync(SandboxApps apps, CancellationToken ct)
    {
        var values = await apps.GetAsync(ShopifySandbox.Id, ct);
        return new ShopifySandboxApp(values["clientId"], values["clientSecret"]);
    }
}

/// <summary>What codes and tokens remember: the shop, the app, the granted scopes and the shop's name from the consent page.</summary>
internal sealed record ShopifyGrant(string Shop, string ClientId, string Scope, string ShopName);
