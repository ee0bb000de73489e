using System.Globalization;
using System.Text.Json;
using Marketplaces.Sandbox.Webhooks;
using Marketplaces.WooCommerce.Sandbox.Orders;

namespace Marketplaces.WooCommerce.Sandbox.Webhooks;

/// <summary>
/// <c>wc/v3/webhooks</c> as WooCommerce's REST controller serves it: create (topic and delivery URL validated, a ping
/// sent whose answer the REST call ignores), list (<c>status</c> filter, pages), read, update and delete (only with
/// <c>force=true</c>: webhooks have no trash). The secret is shown only in the create answer (edit context).
/// </summary>
public sealed class WooCommerceWebhooksEndpoints(WooCommerceRestCallers callers, SandboxWebhooks hooks, WooCommerceSandboxWebhooks deliveries)
{
    private const string Route = "/wp-json/wc/v3/webhooks";
    private static readonly string[] Statuses = ["active", "paused", "disabled"];

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet(Route, ListAsync);
        routes.MapPost(Route, CreateAsync);
        routes.MapGet(Route + "/{id:long}", GetAsync);
        routes.MapMethods(Route + "/{id:long}", ["POST", "PUT", "PATCH"], UpdateAsync);
        routes.MapDelete(Route + "/{id:long}", DeleteAsync);
    }

    private async Task<IResult> ListAsync(HttpRequest request, CancellationToken ct)
    {
        var (seller, error) = await CallerAsync(request, ct);
        if (error is not null) return error;
        var status = request.Query["status"].ToString() is { Length: > 0 } s ? s : "all";
        if (status != "all" && !Statuses.Contains(status))
            return WooCommerceErrors.InvalidParams(new Dictionary<string, (string, string)>
            {
                ["status"] = ("rest_not_in_enum", "status is not one of all, active, paused, and disabled."),
            });
        var page = int.TryParse(request.Query["page"], CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        var perPage = int.TryParse(request.Query["per_page"], CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 100 ? n : 10;
        var all = hooks.List(WooCommerceSandboxWebhooks.Marketplace, seller!).Where(h => status == "all" || Status(h) == status).OrderByDescending(h => h.Id).ToList();
        request.HttpContext.Response.Headers["X-WP-Total"] = all.Count.ToString(CultureInfo.InvariantCulture);
        request.HttpContext.Response.Headers["X-WP-TotalPages"] = ((all.Count + perPage - 1) / perPage).ToString(CultureInfo.InvariantCulture);
        return Results.Json(all.Skip((page - 1) * perPage).Take(perPage).Select(h => Json(h, edit: false)).ToList());
    }

    private async Task<IResult> CreateAsync(HttpRequest request, CancellationToken ct)
    {
        var (seller, error) = await CallerAsync(request, ct);
        if (error is not null) return error;
        var (body, bodyError) = await WooCommerceRestCallers.BodyAsync(request, ct);
        if (bodyError is not null) return bodyError;
        var topic = Text(body!, "topic")?.ToLowerInvariant();
        if (topic is null || !WooCommerceSandboxWebhooks.Topics.Contains(topic) && !topic.StartsWith("action.", StringComparison.Ordinal))
            return WooCommerceErrors.Rest(400, "woocommerce_rest_shop_webhook_invalid_topic", "Webhook topic is required and must be valid.");
        var url = Text(body!, "delivery_url");
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
            return WooCommerceErrors.Rest(400, "woocommerce_rest_shop_webhook_invalid_delivery_url", "Webhook delivery URL must be a valid URL starting with http:// or https://.");
        if (Text(body!, "status") is { } status && !Statuses.Contains(status)) return InvalidStatus();
        var secret = Text(body!, "secret") is { Length: > 0 } given ? given : System.Security.Cryptography.RandomNumberGenerator.GetHexString(50, lowercase: true);
        var hook = hooks.Add(WooCommerceSandboxWebhooks.Marketplace, seller!, topic, url, secret, Text(body!, "name") ?? $"Webhook created on {DateTime.UtcNow:MMM d, yyyy @ h:mm tt}");
        if (Text(body!, "status") is { } initial && initial != "active") hooks.Change(WooCommerceSandboxWebhooks.Marketplace, hook, h => h.Active = false);
        if (hook.Active) _ = deliveries.PingAsync(hook);
        return Results.Json(Json(hook, edit: true), statusCode: StatusCodes.Status201Created);
    }

    private async Task<IResult> GetAsync(HttpRequest request, long id, CancellationToken ct)
    {
        var (seller, error) = await CallerAsync(request, ct);
        if (error is not null) return error;
        return hooks.Find(WooCommerceSandboxWebhooks.Marketplace, seller!, id) is { } hook ? Results.Json(Json(hook, edit: false)) : InvalidId();
    }

    private async Task<IResult> UpdateAsync(HttpRequest request, long id, CancellationToken ct)
    {
        var (seller, error) = await CallerAsync(request, ct);
        if (error is not null) return error;
        var (body, bodyError) = await WooCommerceRestCallers.BodyAsync(request, ct);
        if (bodyError is not null) return bodyError;
        if (hooks.Find(WooCommerceSandboxWebhooks.Marketplace, seller!, id) is not { } hook) return InvalidId();
        var status = Text(body!, "status");
        if (status is not null && !Statuses.Contains(status)) return InvalidStatus();
        hooks.Change(WooCommerceSandboxWebhooks.Marketplace, hook, h =>
        {
            if (status is not null)
            {
                h.Active = status == "active";
                if (h.Active) h.Failures = 0;
            }
            if (Text(body!, "delivery_url") is { } url) h.Address = url;
            if (Text(body!, "secret") is { Length: > 0 } secret) h.Secret = secret;
            if (Text(body!, "name") is { } name) h.Name = name;
        });
        return Results.Json(Json(hook, edit: true));
    }

    private async Task<IResult> DeleteAsync(HttpRequest request, long id, CancellationToken ct)
    {
        var (seller, error) = await CallerAsync(request, ct);
        if (error is not null) return error;
        if (hooks.Find(WooCommerceSandboxWebhooks.Marketplace, seller!, id) is not { } hook) return InvalidId();
        if (request.Query["force"].ToString() is not ("true" or "1"))
            return WooCommerceErrors.Rest(501, "woocommerce_rest_trash_not_supported", "Webhooks do not support trashing.");
        hooks.Remove(WooCommerceSandboxWebhooks.Marketplace, seller!, id);
        return Results.Json(Json(hook, edit: true));
    }

    private async Task<(string? Seller, IResult? Error)> CallerAsync(HttpRequest request, CancellationToken ct)
    {
        var caller = await callers.ForAsync(request, ct);
        if (caller.Error is not null) return (null, caller.Error);
        if (caller.Anonymous) return (null, WooCommerceErrors.Rest(401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources."));
        return (WooCommerceSandboxSites.Seller(WooCommerceSandboxStore.SiteOf(request)), null);
    }

    private static string Status(SandboxWebhook hook) => hook.Active ? "active" : "disabled";

    private static object Json(SandboxWebhook hook, bool edit)
    {
        var json = new Dictionary<string, object?>
        {
            ["id"] = hook.Id, ["name"] = hook.Name, ["status"] = Status(hook), ["topic"] = hook.Topic,
            ["resource"] = hook.Topic.Split('.')[0], ["event"] = hook.Topic.Split('.').ElementAtOrDefault(1) ?? "",
            ["hooks"] = Array.Empty<string>(), ["delivery_url"] = hook.Address,
            ["date_created"] = Local(hook.CreatedAt), ["date_created_gmt"] = Gmt(hook.CreatedAt),
            ["date_modified"] = Local(hook.ModifiedAt), ["date_modified_gmt"] = Gmt(hook.ModifiedAt),
        };
        if (edit) json["secret"] = hook.Secret;
        return json;
    }

    private static string Gmt(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Local(DateTimeOffset at) => at.ToOffset(WooCommerceSandboxStore.GmtOffset).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static string? Text(Dictionary<string, JsonElement> body, string name) =>
        body.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IResult InvalidId() => WooCommerceErrors.Rest(404, "woocommerce_rest_shop_webhook_invalid_id", "Invalid ID.");

    private static IResult InvalidStatus() =>
        WooCommerceErrors.InvalidParams(new Dictionary<string, (string, string)> { ["status"] = ("rest_not_in_enum", "status is not one of active, paused, and disabled.") });
}
