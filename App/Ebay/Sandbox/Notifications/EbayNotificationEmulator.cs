using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Marketplaces.Ebay.Webhooks;
using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Webhooks;

namespace Marketplaces.Ebay.Sandbox.Notifications;

/// <summary>
/// eBay's Notification API in the built-in sandbox (ebay.md "Notifications / webhooks"): <c>getPublicKey</c> for the
/// emulator's own P-256 signing key (application token, 195001 for an unknown key id), the portal's endpoint check (the
/// challenge a developer's Save triggers) and marketplace account deletion pushes, signed as eBay signs them.
/// </summary>
public sealed class EbayNotificationEmulator(SandboxWebhookSender sender, IHttpClientFactory http, TimeProvider clock) : ISandboxEmulator, IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public string MarketplaceId => EbayEmulator.Id;

    public string KeyId { get; } = Guid.NewGuid().ToString();

    public void Map(IEndpointRouteBuilder routes)
    {
        var restApi = ActivatorUtilities.CreateInstance<EbayRestApi>(routes.ServiceProvider);
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
        using var response = await http.CreateClient(SandboxWebhookSender.Client).GetAsync($"{endpoint}?challenge_code={code}", ct);
        if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "application/json") return false;
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))?["challengeResponse"]?.GetValue<string>();
        return answer == EbaySignature.ChallengeResponse(code, verificationToken, endpoint);
    }

    /// <summary>A marketplace account deletion push for one eBay user; signed with another key when <paramref name="forged"/>.</summary>
    public Task<int?> SendAccountDeletionAsync(string endpoint, string username, string userId, string? notificationId = null, bool forged = false)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var body = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["metadata"] = new JsonObject { ["topic"] = "MARKETPLACE_ACCOUNT_DELETION", ["schemaVersion"] = "1.0", ["deprecated"] = false },
            ["notification"] = new JsonObject
            {
                ["notificationId"] = notificationId ?? $"{Guid.NewGuid()}_{Guid.NewGuid()}",
                ["eventDate"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"), ["publishDate"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"),
                ["publishAttemptCount"] = 1,
                ["data"] = new JsonObject { ["username"] = username, ["userId"] = userId, ["eiasToken"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)) },
            },
        }.ToJsonString());
        using var signer = forged ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : null;
        var signature = (signer ?? _key).SignData(body, HashAlgorithmName.SHA1, DSASignatureFormat.Rfc3279DerSequence);
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject
        {
            ["alg"] = "ecdsa", ["kid"] = KeyId, ["signature"] = Convert.ToBase64String(signature), ["digest"] = "SHA1",
        }.ToJsonString()));
        return sender.SendAsync(endpoint, body, "application/json", new Dictionary<string, string> { ["X-EBAY-SIGNATURE"] = header });
    }

    public void Dispose() => _key.Dispose();
}
