using System.Text.Json;
using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Ebay.Listings;
using Marketplaces.Webhooks;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplaces.Ebay.Webhooks;

/// <summary>
/// eBay pushes (ebay.md "Notifications / webhooks"): the endpoint challenge answered with the SHA-256 of code, the
/// verification token set in Settings and this address; a push verified with <c>X-EBAY-SIGNATURE</c> against the key
/// of its <c>kid</c>, asked of each environment with eBay credentials (production first). Deduplicated on
/// <c>notification.notificationId</c>. Marketplace account deletion is an app-wide request, for no one connection;
/// an <c>ORDER_CONFIRMATION</c> is an order event for the accounts subscribed to it (<see cref="EbayWebhookSubscriber"/>).
/// </summary>
public sealed class EbayWebhookReceiver(
    MarketplaceTargets targets, OAuth2TokenProtocol oauth, IHttpClientFactory http, IMemoryCache cache, AppCredentialStore credentials, PublicUrls urls,
    Marketplaces.Sandbox.SandboxOptions sandbox)
    : IWebhookReceiver, IWebhookChallenge
{
    public const string OrderConfirmation = "ORDER_CONFIRMATION";

    private MarketplaceEnvironment[] Environments => sandbox.Enabled == true
        ? [MarketplaceEnvironment.Production, MarketplaceEnvironment.MarketplaceSandbox, MarketplaceEnvironment.BuiltInSandbox]
        : [MarketplaceEnvironment.Production, MarketplaceEnvironment.MarketplaceSandbox];

    private readonly EbayNotificationKeys _keys = new(targets, new EbayApplicationTokens(oauth, cache), http, cache);

    public string MarketplaceId => EbayRest.MarketplaceId;

    private string Endpoint => $"{urls.BaseUrl}/webhooks/{MarketplaceId}";

    public async Task<IResult> AnswerAsync(HttpRequest request, CancellationToken ct)
    {
        var code = request.Query["challenge_code"].ToString();
        if (code.Length == 0) return Results.BadRequest();
        foreach (var environment in Environments)
        {
            if (await TokenAsync(environment, ct) is { } token)
                return Results.Json(new { challengeResponse = EbaySignature.ChallengeResponse(code, token, Endpoint) });
        }
        return Results.NotFound();
    }

    public async Task<WebhookVerdict> ReceiveAsync(WebhookRequest request, CancellationToken ct)
    {
        if (EbaySignature.Parse(request.Headers["X-EBAY-SIGNATURE"]) is not { } signature)
            return new WebhookVerdict.Refused("An eBay push without a readable X-EBAY-SIGNATURE");
        foreach (var environment in Environments)
        {
            if ((await credentials.ReadAsync(MarketplaceId, environment, ct)).Any(v => v.Field.Key == "clientId" && v.Value is null)) continue;
            string? key;
            try
            {
                key = await _keys.KeyAsync(environment, signature.KeyId, ct);
            }
            catch (Exception e) when (e is MarketplaceException or MissingCredentialsException or InvalidAccountParameterException)
            {
                continue;
            }
            if (key is null) continue;
            if (!EbaySignature.Verifies(key, request.Body, signature.Signature)) return new WebhookVerdict.Refused("The signature does not verify with eBay's key");
            return Accepted(request.Body);
        }
        return new WebhookVerdict.Refused($"No eBay environment knows the key {signature.KeyId}");
    }

    private static WebhookVerdict Accepted(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var topic = json.RootElement.GetProperty("metadata").GetProperty("topic").GetString() ?? "";
            var id = json.RootElement.GetProperty("notification").GetProperty("notificationId").GetString() ?? "";
            return id.Length == 0
                ? new WebhookVerdict.Refused("An eBay push without a notification id")
                : new WebhookVerdict.Accepted(null, id, topic, topic switch
                {
                    "MARKETPLACE_ACCOUNT_DELETION" => WebhookKind.AccountDeletion,
                    // One per line item, for the seller's subscription; which seller is not read from it (see WebhookProcessor).
                    OrderConfirmation => WebhookKind.Orders,
                    _ => WebhookKind.Other,
                });
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new WebhookVerdict.Refused("An eBay push whose body is not a notification");
        }
    }

    private async Task<string?> TokenAsync(MarketplaceEnvironment environment, CancellationToken ct) =>
        (await credentials.ReadAsync(MarketplaceId, environment, ct)).FirstOrDefault(v => v.Field.Key == "verificationToken")?.Value;
}
