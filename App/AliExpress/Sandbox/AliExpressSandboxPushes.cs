using System.Text;
using System.Text.Json.Nodes;
using Marketplaces.Sandbox.Webhooks;

namespace Marketplaces.AliExpress.Sandbox;

/// <summary>
/// AliExpress's order-status push in the sheet's shape (aliexpress.md §6), unsigned as far as the sheet knows. Sent
/// when a test says so: the callback URL is set by hand in the app's notification settings.
/// </summary>
public sealed class AliExpressSandboxPushes(SandboxWebhookSender sender, TimeProvider clock)
{
    /// <summary>The status the app answered, or null when it could not be reached.</summary>
    public Task<int?> SendAsync(string address, long orderId, string orderStatus, DateTimeOffset? at = null)
    {
        var body = new JsonObject
        {
            ["data"] = new JsonObject { ["buyerId"] = 1861703697, ["orderId"] = orderId, ["orderStatus"] = orderStatus },
            ["message_type"] = 53, ["seller_id"] = "1234", ["site"] = "ae_global", ["timestamp"] = (at ?? clock.GetUtcNow()).ToUnixTimeSeconds(),
        };
        return sender.SendAsync(address, Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json", new Dictionary<string, string>());
    }
}
