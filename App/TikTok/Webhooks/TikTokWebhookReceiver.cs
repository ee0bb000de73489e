using System.Security.Cryptography;
using System.Text.Json;
using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.TikTok.Webhooks;

/// <summary>
/// TikTok for Developers' webhooks (tiktok.md §5): the body's <c>client_key</c> names the app, hence the environment
/// and the client secret the <c>TikTok-Signature</c> must verify with; a timestamp more than five minutes from now is
/// refused as stale (the sheet leaves the window to the app). Delivered at least once: a delivery is identified by
/// event, user, time and content, as the sheet advises. The user is the connection's open id.
/// </summary>
public sealed class TikTokWebhookReceiver(
    IDbContextFactory<AppDbContext> contexts, AppCredentialStore credentials, Marketplaces.Sandbox.SandboxOptions sandbox, TimeProvider clock) : IWebhookReceiver
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public string MarketplaceId => "tiktok";

    public async Task<WebhookVerdict> ReceiveAsync(WebhookRequest request, CancellationToken ct)
    {
        if (TikTokSignature.Parse(request.Headers["TikTok-Signature"]) is not var (timestamp, signature))
            return new WebhookVerdict.Refused("A TikTok delivery without a readable TikTok-Signature");
        string clientKey, @event, openId, content;
        long created;
        try
        {
            using var json = JsonDocument.Parse(request.Body);
            var root = json.RootElement;
            (clientKey, @event, openId, content, created) = (root.GetProperty("client_key").GetString()!, root.GetProperty("event").GetString()!,
                root.GetProperty("user_openid").GetString()!, root.GetProperty("content").GetString() ?? "", root.GetProperty("create_time").GetInt64());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return new WebhookVerdict.Refused("A TikTok delivery whose body is not TikTok's envelope");
        }
        MarketplaceEnvironment[] environments = sandbox.Enabled == true ? [MarketplaceEnvironment.Production, MarketplaceEnvironment.BuiltInSandbox] : [MarketplaceEnvironment.Production];
        foreach (var environment in environments)
        {
            var values = await credentials.ReadAsync(MarketplaceId, environment, ct);
            if (values.FirstOrDefault(v => v.Field.Key == "clientKey")?.Value != clientKey) continue;
            if (values.FirstOrDefault(v => v.Field.Key == "clientSecret")?.Value is not { } secret) break;
            await using var db = await contexts.CreateDbContextAsync(ct);
            var connection = await db.Set<Connection>().AsNoTracking()
                .Where(c => c.Marketplace == MarketplaceId && c.Environment == environment && c.AccountId == openId).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
            if (!TikTokSignature.Verifies(secret, timestamp, request.Body, signature))
                return new WebhookVerdict.Refused("The signature does not verify with the app's client secret", connection);
            if ((clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(timestamp)).Duration() > Tolerance)
                return new WebhookVerdict.Refused("The signature's timestamp is more than five minutes from now (a replay, or a clock off)", connection);
            var id = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{@event}\n{openId}\n{created}\n{content}")));
            var kind = @event == "authorization.removed" ? WebhookKind.GrantRemoved
                : @event.StartsWith("post.publish.", StringComparison.Ordinal) ? WebhookKind.PublishStatus
                : WebhookKind.Other;
            return new WebhookVerdict.Accepted(connection, id, @event, kind);
        }
        return new WebhookVerdict.Refused("The delivery is for another app (client_key)");
    }
}
