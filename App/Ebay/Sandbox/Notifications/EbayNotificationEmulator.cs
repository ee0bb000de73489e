using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Marketplaces.Ebay.Webhooks;
using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Orders;
using Marketplaces.Sandbox.Webhooks;

namespace Marketplaces.Ebay.Sandbox.Notifications;

/// <summary>
/// eBay's Notification API in the built-in sandbox (ebay.md "Notifications / webhooks"): <c>getPublicKey</c> for the
/// emulator's own P-256 signing key (application token, 195001 for an unknown key id), the portal's endpoint check (the
/// challenge a developer's Save triggers), destinations and sellers' subscriptions (<see cref="EbayNotificationSubscriptions"/>),
/// and pushes signed as eBay signs them: marketplace account deletion when a test says so, and an
/// <c>ORDER_CONFIRMATION</c> per line item of each order placed with a seller subscribed to it.
/// </summary>
public sealed class EbayNotificationEmulator : ISandboxEmulator, IDisposable
{
    public const string OrderConfirmation = "ORDER_CONFIRMATION";

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly SandboxWebhookSender _sender;
    private readonly IHttpClientFactory _http;
    private readonly TimeProvider _clock;

    public EbayNotificationEmulator(SandboxWebhookSender sender, IHttpClientFactory http, TimeProvider clock, SandboxWebhooks hooks, SandboxOrderBooks books)
    {
        (_sender, _http, _clock) = (sender, http, clock);
        Subscriptions = new EbayNotificationSubscriptions(hooks, this);
        books.OnChange(EbayEmulator.Id, (seller, order, created) =>
        {
            if (!created) return;
            foreach (var endpoint in Subscriptions.Endpoints(seller, OrderConfirmation))
            for (var line = 0; line < order.Lines.Count; line++)
                _ = SendAsync(endpoint, OrderConfirmation, new JsonObject { ["orderId"] = order.Id });
        });
    }

    /// <summary>Destinations and sellers' subscriptions; tests disable one here as eBay may.</summary>
    internal EbayNotificationSubscriptions Subscriptions { get; }

    public string MarketplaceId => EbayEmulator.Id;

    public string KeyId { get; } = Guid.NewGuid().ToString();

    public void Map(IEndpointRouteBuilder routes)
    {
        var restApi = ActivatorUtilities.CreateInstance<EbayRestApi>(routes.ServiceProvider);
        Subscriptions.Map(routes, restApi);
        routes.MapGet("/api/commerce/notification/v1/public_key/{keyId}", async (HttpRequest request, string keyId, CancellationToken ct) =>
        {
            var caller = await restApi.CallerAsync(request, ct);
            if (caller is null) return EbayRestApi.InvalidAccessToken();
            if (caller.Account.Length != 0 || !caller.Scopes.Contains(EbayScopes.Base)) return EbayRestApi.AccessDenied();
            if (keyId != KeyId)
                return Results.Json(new { errors = new[] { new { errorId = 195001, domain = "API_NOTIFICATION", category = "REQUEST", message = "The specified key id is invalid." } } },
                    statusCode: StatusCodes.Status404NotFound);
            // The PEM on one line, as eBay serves it.
            return Results.Json(new { algorithm = "ECDSA", digest = "SHA1", key = $"-----BEGIN PUBLIC KEY-----{Convert.ToBase64String(_key.ExportSubjectPublicKeyInfo())}-----END PUBLIC KEY-----" });
        });
    }

    /// <summary>
    /// What the developer portal does when an endpoint and token are saved: <c>GET endpoint?challenge_code=</c>, and the
    /// answer must be the SHA-256 of code, token and endpoint. Whether the endpoint passed.
    /// </summary>
    public async Task<bool> VerifyEndpointAsync(string endpoint, string verificationToken, CancellationToken ct = default)
    {
        var code = Guid.NewGuid().ToString();
        using var response = await _http.CreateClient(SandboxWebhookSender.Client).GetAsync($"{endpoint}?challenge_code={code}", ct);
        if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "application/json") return false;
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))?["challengeResponse"]?.GetValue<string>();
        return answer == EbaySignature.ChallengeResponse(code, verificationToken, endpoint);
    }

    /// <summary>A marketplace account deletion push for one eBay user; signed with another key when <paramref name="forged"/>.</summary>
    public Task<int?> SendAccountDeletionAsync(string endpoint, string username, string userId, string? notificationId = null, bool forged = false) =>
        SendAsync(endpoint, "MARKETPLACE_ACCOUNT_DELETION",
            new JsonObject { ["username"] = username, ["userId"] = userId, ["eiasToken"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)) },
            notificationId, forged);

    /// <summary>
    /// A push of <paramref name="topic"/> in eBay's envelope (ebay.md's vector). Of an <c>ORDER_CONFIRMATION</c>'s data only
    /// <c>orderId</c> is known (eBay's AsyncAPI description: the seller looks it up and reads the order).
    /// </summary>
    public Task<int?> SendAsync(string endpoint, string topic, JsonObject data, string? notificationId = null, bool forged = false)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var body = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["metadata"] = new JsonObject { ["topic"] = topic, ["schemaVersion"] = "1.0", ["deprecated"] = false },
            ["notification"] = new JsonObject
            {
                ["notificationId"] = notificationId ?? $"{Guid.NewGuid()}_{Guid.NewGuid()}",
                ["eventDate"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"), ["publishDate"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"),
                ["publishAttemptCount"] = 1,
                ["data"] = data,
            },
        }.ToJsonString());
        using var signer = forged ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : null;
        var signature = (signer ?? _key).SignData(body, HashAlgorithmName.SHA1, DSASignatureFormat.Rfc3279DerSequence);
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject
        {
            ["alg"] = "ecdsa", ["kid"] = KeyId, ["signature"] = Convert.ToBase64String(signature), ["digest"] = "SHA1",
        }.ToJsonString()));
        return _sender.SendAsync(endpoint, body, "application/json", new Dictionary<string, string> { ["X-EBAY-SIGNATURE"] = header });
    }

    public void Dispose() => _key.Dispose();
}
