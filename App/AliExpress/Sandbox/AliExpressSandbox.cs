using Marketplaces.Sandbox;

namespace Marketplaces.AliExpress.Sandbox;

/// <summary>
/// What the emulator knows from the fact sheet, independently of the catalog: lifetimes of an app in test status
/// (§2.3), the 3-minute code (§2.1), the 7200 s timestamp window (§3), and the token shapes seen in the examples.
/// </summary>
internal static class AliExpressSandbox
{
    public const string Id = "aliexpress";
    public const string Name = "AliExpress";

    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromDays(1);
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(2);
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(3);
    public static readonly TimeSpan TimestampWindow = TimeSpan.FromSeconds(7200);
}

/// <summary>The sandbox app registration as the gateway checks it: app_key and the secret that signs.</summary>
internal sealed record AliExpressSandboxApp(string AppKey, string AppSecret)
{
    public static async Task<AliExpressSandboxApp> LoadAsync(SandboxApps apps, CancellationToken ct)
    {
        var values = await apps.GetAsync(AliExpressSandbox.Id, ct);
        return new AliExpressSandboxApp(values["appKey"], values["appSecret"]);
    }
}

/// <summary>What a code remembers: the app it was issued to and the buyer account that approved.</summary>
internal sealed record AliExpressCodeGrant(string AppKey, string Account);

/// <summary>What access and refresh tokens remember; refresh tokens keep the first one's expiry through every rotation.</summary>
internal sealed record AliExpressTokenGrant(string AppKey, string Account, DateTimeOffset RefreshValidUntil);
