using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Marketplaces.Sandbox.Webhooks;
using Microsoft.AspNetCore.Http.Extensions;

namespace Marketplaces.Ebay.Sandbox.Notifications;

/// <summary>
/// The Notification API's topics, destinations and subscriptions (commerce_notification_v1_oas3.json, with its error
/// ids): destinations are the application's (application token) and checked with eBay's challenge when created;
/// subscriptions are a seller's (user token, <c>commerce.notification.subscription</c>, <c>.readonly</c> to list).
/// The topics' schema version "1.0" is the emulator's: ebay.md gives it for account deletion only.
/// </summary>
internal sealed partial class EbayNotificationSubscriptions(SandboxWebhooks hooks, EbayNotificationEmulator emulator)
{
    private const string Subscribe = "https://api.ebay.com/oauth/api_scope/commerce.notification.subscription";
    private static readonly IReadOnlySet<string> ListScopes = new HashSet<string>(StringComparer.Ordinal) { Subscribe, Subscribe + ".readonly" };
    private static readonly Dictionary<string, (string Description, string Scope)> Topics = new(StringComparer.Ordinal)
    {
        ["ORDER_CONFIRMATION"] = ("Sent when a buyer completes checkout, for each line item of the order.", "USER"),
        ["MARKETPLACE_ACCOUNT_DELETION"] = ("Sent when an eBay user asks for their data to be deleted.", "APPLICATION"),
    };

    private readonly ConcurrentDictionary<string, JsonObject> _destinations = new(StringComparer.Ordinal);

    public void Map(IEndpointRouteBuilder routes, EbayRestApi restApi)
    {
        const string root = "/api/commerce/notification/v1";
        routes.MapGet(root + "/topic/{topicId}", async (HttpRequest request, string topicId, CancellationToken ct) =>
            await ApplicationAsync(restApi, request, ct) ?? (Topics.TryGetValue(topicId, out var topic)
                ? Results.Json(Topic(topicId, topic.Description, topic.Scope))
                : Error(404, 195002, "Invalid or missing topic id.")));
        routes.MapGet(root + "/destination", async (HttpRequest request, CancellationToken ct) =>
            await ApplicationAsync(restApi, request, ct) ?? Results.Json(new JsonObject
            {
                ["destinations"] = new JsonArray(_destinations.Values.Select(d => (JsonNode)d.DeepClone()).ToArray()),
                ["href"] = request.GetDisplayUrl(), ["limit"] = 100, ["total"] = _destinations.Count,
            }));
        routes.MapPost(root + "/destination", async (HttpRequest request, CancellationToken ct) =>
            await ApplicationAsync(restApi, request, ct) ?? await CreateDestinationAsync(request, ct));
        routes.MapGet(root + "/subscription", async (HttpRequest request, CancellationToken ct) =>
        {
            if (await UserAsync(restApi, request, ListScopes, ct) is not { } user) return await DeniedAsync(restApi, request, ct);
            var mine = hooks.List(EbayEmulator.Id, user).Select(h => (JsonNode)Subscription(h)).ToArray();
            return Results.Json(new JsonObject { ["subscriptions"] = new JsonArray(mine), ["href"] = request.GetDisplayUrl(), ["limit"] = 100, ["total"] = mine.Length });
        });
        routes.MapPost(root + "/subscription", async (HttpRequest request, CancellationToken ct) =>
            await UserAsync(restApi, request, [Subscribe], ct) is { } user ? await CreateSubscriptionAsync(request, user, ct) : await DeniedAsync(restApi, request, ct));
        routes.MapPost(root + "/subscription/{id}/enable", async (HttpRequest request, string id, CancellationToken ct) =>
            await ChangeAsync(restApi, request, id, hook => hook.Active = true, ct));
        routes.MapPost(root + "/subscription/{id}/disable", async (HttpRequest request, string id, CancellationToken ct) =>
            await ChangeAsync(restApi, request, id, hook => hook.Active = false, ct));
        routes.MapDelete(root + "/subscription/{id}", async (HttpRequest request, string id, CancellationToken ct) =>
        {
            if (await UserAsync(restApi, request, [Subscribe], ct) is not { } user) return await DeniedAsync(restApi, request, ct);
            return long.TryParse(id, out var number) && hooks.Remove(EbayEmulator.Id, user, number)
                ? Results.NoContent()
                : Error(404, 195013, "The subscription id does not exist.");
        });
    }

    /// <summary>Disables a seller's subscription, as eBay may after failed deliveries (the tests' way to make it do so).</summary>
    public void Disable(string userId, string topic)
    {
        foreach (var hook in hooks.List(EbayEmulator.Id, userId).Where(h => h.Topic == topic)) hooks.Change(EbayEmulator.Id, hook, h => h.Active = false);
    }

    /// <summary>The endpoints of the seller's enabled subscriptions to <paramref name="topic"/> whose destination is enabled.</summary>
    public IEnumerable<string> Endpoints(string userId, string topic) =>
        hooks.Active(EbayEmulator.Id, userId, topic).Where(h => _destinations.TryGetValue(h.Name!, out var d) && d["status"]!.GetValue<string>() == "ENABLED")
            .Select(h => h.Address);

    private async Task<IResult> CreateDestinationAsync(HttpRequest request, CancellationToken ct)
    {
        var body = await JsonNode.ParseAsync(request.Body, cancellationToken: ct) as JsonObject ?? [];
        var name = body["name"]?.GetValue<string>();
        var endpoint = body["deliveryConfig"]?["endpoint"]?.GetValue<string>();
        var token = body["deliveryConfig"]?["verificationToken"]?.GetValue<string>();
        var status = body["status"]?.GetValue<string>();
        if (name is null || name.Length > 64 || name.Contains('<')) return Error(400, 195016, "Invalid name. Markups or lengths greater than 64 not supported");
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out _)) return Error(400, 195017, "Invalid or missing endpoint.");
        if (status is not ("ENABLED" or "DISABLED")) return Error(400, 195018, "Invalid or missing destination status. Supported values:[ENABLED,DISABLED]");
        if (token is null || !VerificationToken().IsMatch(token)) return Error(400, 195019, "Invalid or missing verification token for this endpoint.");
        if (_destinations.Values.Any(d => d["deliveryConfig"]!["endpoint"]!.GetValue<string>() == endpoint))
            return Error(409, 195021, "Destination exists for this endpoint");
        if (!await emulator.VerifyEndpointAsync(endpoint!, token, ct)) return Error(409, 195020, "Challenge verification failed for requested endpoint");
        var id = Guid.NewGuid().ToString();
        _destinations[id] = new JsonObject
        {
            ["destinationId"] = id, ["name"] = name, ["status"] = status,
            ["deliveryConfig"] = new JsonObject { ["endpoint"] = endpoint, ["verificationToken"] = token },
        };
        return Results.Created($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}/{id}", null);
    }

    private async Task<IResult> CreateSubscriptionAsync(HttpRequest request, string user, CancellationToken ct)
    {
        var body = await JsonNode.ParseAsync(request.Body, cancellationToken: ct) as JsonObject ?? [];
        var topic = body["topicId"]?.GetValue<string>();
        var destination = body["destinationId"]?.GetValue<string>();
        var payload = body["payload"];
        if (topic is null || !Topics.TryGetValue(topic, out var known)) return Error(400, 195027, "Invalid or missing topic id.");
        if (body["status"]?.GetValue<string>() is not ("ENABLED" or "DISABLED")) return Error(400, 195006, "Invalid or missing subscription status.");
        if (destination is null || !_destinations.TryGetValue(destination, out var target)) return Error(400, 195007, "Invalid or missing destination id.");
        if (payload?["schemaVersion"]?.GetValue<string>() != "1.0")
            return Error(400, 195008, "Invalid or missing schema version. Please refer to /topic/{topic_id} for supported schema versions.");
        if (payload["format"]?.GetValue<string>() != "JSON") return Error(400, 195009, "Specified format is not supported for the topic.");
        if (payload["deliveryProtocol"]?.GetValue<string>() != "HTTPS") return Error(400, 195010, "Invalid or missing protocol");
        if (known.Scope != "USER") return Error(403, 195011, "Not authorized for this topic.");
        if (hooks.List(EbayEmulator.Id, user).Any(h => h.Topic == topic && h.Name == destination)) return Error(409, 195012, "Subscription already exists");
        var hook = hooks.Add(EbayEmulator.Id, user, topic, target["deliveryConfig"]!["endpoint"]!.GetValue<string>(), null, destination);
        if (body["status"]!.GetValue<string>() == "DISABLED") hooks.Change(EbayEmulator.Id, hook, h => h.Active = false);
        return Results.Created($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}/{hook.Id}", null);
    }

    private async Task<IResult> ChangeAsync(EbayRestApi restApi, HttpRequest request, string id, Action<SandboxWebhook> change, CancellationToken ct)
    {
        if (await UserAsync(restApi, request, [Subscribe], ct) is not { } user) return await DeniedAsync(restApi, request, ct);
        if (!long.TryParse(id, out var number) || hooks.Find(EbayEmulator.Id, user, number) is not { } hook) return Error(404, 195013, "The subscription id does not exist.");
        hooks.Change(EbayEmulator.Id, hook, change);
        return Results.NoContent();
    }

    /// <summary>Null when the caller holds an application token; else the refusal.</summary>
    private static async Task<IResult?> ApplicationAsync(EbayRestApi restApi, HttpRequest request, CancellationToken ct) =>
        await restApi.CallerAsync(request, ct) switch
        {
            null => EbayRestApi.InvalidAccessToken(),
            { Account.Length: 0 } caller when caller.Scopes.Contains(EbayScopes.Base) => null,
            _ => EbayRestApi.AccessDenied(),
        };

    /// <summary>The seller's user id when the caller holds a user token with one of <paramref name="scopes"/>.</summary>
    private static async Task<string?> UserAsync(EbayRestApi restApi, HttpRequest request, IEnumerable<string> scopes, CancellationToken ct) =>
        await restApi.CallerAsync(request, ct) is { Account.Length: > 0 } caller && scopes.Any(caller.Scopes.Contains) ? caller.User.UserId : null;

    private static async Task<IResult> DeniedAsync(EbayRestApi restApi, HttpRequest request, CancellationToken ct) =>
        await restApi.CallerAsync(request, ct) is null ? EbayRestApi.InvalidAccessToken() : EbayRestApi.AccessDenied();

    private static JsonObject Topic(string id, string description, string scope) => new()
    {
        ["topicId"] = id, ["description"] = description, ["status"] = "ENABLED", ["context"] = scope == "USER" ? "SELLER" : "ALL",
        ["scope"] = scope, ["filterable"] = false,
        ["supportedPayloads"] = new JsonArray(new JsonObject
        {
            ["schemaVersion"] = "1.0", ["format"] = new JsonArray("JSON"), ["deliveryProtocol"] = "HTTPS", ["deprecated"] = false,
        }),
        ["authorizationScopes"] = scope == "USER" ? new JsonArray(Subscribe) : new JsonArray(EbayScopes.Base),
    };

    private static JsonObject Subscription(SandboxWebhook hook) => new()
    {
        ["subscriptionId"] = hook.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["topicId"] = hook.Topic,
        ["status"] = hook.Active ? "ENABLED" : "DISABLED", ["destinationId"] = hook.Name,
        ["creationDate"] = hook.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ["payload"] = new JsonObject { ["format"] = "JSON", ["schemaVersion"] = "1.0", ["deliveryProtocol"] = "HTTPS" },
    };

    private static IResult Error(int status, int id, string message) =>
        Results.Json(new { errors = new[] { new { errorId = id, domain = "API_NOTIFICATION", category = "REQUEST", message } } }, statusCode: status);

    [GeneratedRegex("^[A-Za-z0-9_-]{32,80}$")]
    private static partial Regex VerificationToken();
}
