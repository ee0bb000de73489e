using System.Text;
using System.Text.Json.Nodes;
using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Webhooks;
using Marketplaces.TikTok.Webhooks;

namespace Marketplaces.TikTok.Sandbox;

/// <summary>
/// TikTok's deliveries (tiktok.md §5): the envelope with <c>content</c> as a JSON string, signed with the sandbox app's
/// client secret in <c>TikTok-Signature</c>. TikTok sends to the callback URL registered by hand, so tests name it, and
/// may sign with another secret or an old timestamp to play a forger or a replay.
/// </summary>
public sealed class TikTokSandboxWebhooks(SandboxApps apps, SandboxWebhookSender sender, TimeProvider clock)
{
    /// <summary>One event for the sandbox account <paramref name="account"/>; the status the app answered.</summary>
    /// <param name="happenedAt">The event's create_time: a delivery again of the same event carries the same.</param>
    public async Task<int?> SendAsync(string address, string account, string @event, JsonObject content, string? secret = null, DateTimeOffset? signedAt = null,
        DateTimeOffset? happenedAt = null)
    {
        var app = await apps.GetAsync(TikTokSandboxRules.Id);
        var now = clock.GetUtcNow();
        var body = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["client_key"] = app["clientKey"], ["event"] = @event, ["create_time"] = (happenedAt ?? now).ToUnixTimeSeconds(),
            ["user_openid"] = TikTokSandboxAccount.From(account, app["clientKey"]).OpenId, ["content"] = content.ToJsonString(),
        }.ToJsonString());
        var timestamp = (signedAt ?? now).ToUnixTimeSeconds();
        return await sender.SendAsync(address, body, "application/json", new Dictionary<string, string>
        {
            ["TikTok-Signature"] = $"t={timestamp},s={TikTokSignature.Compute(secret ?? app["clientSecret"], timestamp, body)}",
        });
    }
}
