using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplaces.Sandbox.Orders;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplaces.WooCommerce.Sandbox.Orders;

/// <summary>
/// wc/v3 orders and order notes (woocommerce.md §4, §6) over the site's order book, and the order editor page the
/// dashboard links to (HPOS: <c>wp-admin/admin.php?page=wc-orders&amp;action=edit&amp;id=</c>).
/// </summary>
public sealed partial class WooCommerceOrdersEndpoints(WooCommerceRestCallers callers, TimeProvider clock)
{
    private const string Orders = "/wp-json/wc/v3/orders";

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet(Orders, ListAsync);
        routes.MapGet(Orders + "/{id:long}", GetAsync);
        routes.MapMethods(Orders + "/{id:long}", ["POST", "PUT", "PATCH"], UpdateAsync);
        routes.MapGet(Orders + "/{id:long}/notes", NotesAsync);
        routes.MapPost(Orders + "/{id:long}/notes", AddNoteAsync);
        routes.MapGet("/wp-admin/admin.php", AdminPage);
    }

    private async Task<IResult> ListAsync(HttpRequest request, CancellationToken ct)
    {
        var caller = await callers.ForAsync(request, ct);
        if (caller.Error is not null) return caller.Error;
        var (query, invalid) = WooCommerceOrderQuery.Parse(request.Query);
        if (invalid is not null) return invalid;
        if (caller.Anonymous) return WooCommerceErrors.Rest(401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.");
        var site = caller.Site;
        if (!site.Book.TryRead(request.QueryString.Value ?? "", orders =>
            {
                var (page, total, pages) = query!.Apply(orders, o => WooCommerceOrderJson.Status(o, site.Extras(o.Id)));
                return (Items: page.Select(o => WooCommerceOrderJson.Order(o, site.Extras(o.Id), caller.Home)).ToArray(), Total: total, Pages: pages);
            }, out var result))
            return WooCommerceErrors.CriticalError();

        var headers = request.HttpContext.Response.Headers;
        headers["X-WP-Total"] = result.Total.ToString(CultureInfo.InvariantCulture);
        headers["X-WP-TotalPages"] = result.Pages.ToString(CultureInfo.InvariantCulture);
        var links = new List<string>();
        if (query!.Page > 1) links.Add($"<{PageUrl(request, caller.Home, Math.Min(query.Page - 1, result.Pages))}>; rel=\"prev\"");
        if (result.Pages > query.Page) links.Add($"<{PageUrl(request, caller.Home, query.Page + 1)}>; rel=\"next\"");
        if (links.Count > 0) headers.Link = string.Join(", ", links);
        return Results.Json(result.Items);
    }

    private async Task<IResult> GetAsync(HttpRequest request, long id, CancellationToken ct)
    {
        var caller = await callers.ForAsync(request, ct);
        if (caller.Error is not null) return caller.Error;
        if (caller.Anonymous) return WooCommerceErrors.Rest(401, "woocommerce_rest_cannot_view", "Sorry, you cannot view this resource.");
        var orderId = Id(id);
        var order = caller.Site.Book.Read(orders => orders.FirstOrDefault(o => o.Id == orderId) is { } o
            ? WooCommerceOrderJson.Order(o, caller.Site.Extras(o.Id), caller.Home)
            : null);
        return order is null ? InvalidId(404) : Results.Json(order);
    }

    /// <summary>Only <c>status</c> and <c>meta_data</c> are applied; other fields are accepted and ignored.</summary>
    private async Task<IResult> UpdateAsync(HttpRequest request, long id, CancellationToken ct)
    {
        var caller = await callers.ForAsync(request, ct);
        if (caller.Error is not null) return caller.Error;
        var (body, bodyError) = await WooCommerceRestCallers.BodyAsync(request, ct);
        if (bodyError is not null) return bodyError;
        var invalid = new Dictionary<string, (string, string)>();
        var status = body!.TryGetValue("status", out var s) ? s : (JsonElement?)null;
        if (status is { } given && (given.ValueKind != JsonValueKind.String || !WooCommerceOrderQuery.OrderStatuses.Contains(given.GetString())))
            invalid["status"] = given.ValueKind == JsonValueKind.String
                ? ("rest_not_in_enum", $"status is not one of {WooCommerceErrors.List(WooCommerceOrderQuery.OrderStatuses)}.")
                : ("rest_invalid_type", "status is not of type string.");
        var meta = body.TryGetValue("meta_data", out var m) ? m : (JsonElement?)null;
        if (meta is { } list && (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Object)))
            invalid["meta_data"] = ("rest_invalid_type", list.ValueKind != JsonValueKind.Array ? "meta_data is not of type array." : "meta_data[0] is not of type object.");
        if (invalid.Count > 0) return WooCommerceErrors.InvalidParams(invalid);
        if (caller.Anonymous) return WooCommerceErrors.Rest(401, "woocommerce_rest_cannot_edit", "Sorry, you are not allowed to edit this resource.");

        var site = caller.Site;
        var orderId = Id(id);
        if (site.Book.Find(orderId) is null) return InvalidId(400);
        var extras = site.Extras(orderId);
        foreach (var entry in meta is { } entries ? entries.EnumerateArray().ToList() : [])
        {
            if (!entry.TryGetProperty("key", out var key) || key.ValueKind != JsonValueKind.String) continue;
            var value = entry.TryGetProperty("value", out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText() : "";
            extras.SetMeta(key.GetString()!, value, site.NextId);
        }
        var newStatus = status?.GetString();
        // The book holds processing, completed and cancelled; WooCommerce's other statuses stay beside it.
        extras.Status = newStatus is null or "processing" or "completed" or "cancelled" ? null : newStatus;
        var updated = site.Book.Update(orderId, o => o.Status = newStatus switch
        {
            "completed" => SandboxOrderStatus.Shipped,
            "cancelled" => SandboxOrderStatus.Cancelled,
            "processing" => o.Shipments.Count > 0 ? SandboxOrderStatus.PartiallyShipped : SandboxOrderStatus.AwaitingShipment,
            _ => o.Status,
        });
        return Results.Json(site.Book.Read(_ => WooCommerceOrderJson.Order(updated, extras, caller.Home)));
    }

    private async Task<IResult> NotesAsync(HttpRequest request, long id, CancellationToken ct)
    {
        var caller = await callers.ForAsync(request, ct);
        if (caller.Error is not null) return caller.Error;
        var type = request.Query.TryGetValue("type", out var t) ? t.Last() : "any";
        if (type is not ("any" or "customer" or "internal"))
            return WooCommerceErrors.InvalidParams(new Dictionary<string, (string, string)> { ["type"] = ("rest_not_in_enum", "type is not one of any, customer, and internal.") });
        if (caller.Anonymous) return WooCommerceErrors.Rest(401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.");
        var orderId = Id(id);
        if (caller.Site.Book.Find(orderId) is null) return InvalidOrderId();
        var notes = caller.Site.Extras(orderId).Notes()
            .Where(n => type == "any" || n.CustomerNote == (type == "customer"))
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Select(n => WooCommerceOrderJson.Note(orderId, n, caller.Home));
        return Results.Json(notes.ToArray());
    }

    /// <summary>
    /// Adds a note. A customer note in the dashboard's shipping wording ("Shipped via …, tracking … (date)") is also
    /// listed as a shipment on the sandbox order page, as the seller reading it would understand it.
    /// </summary>
    private async Task<IResult> AddNoteAsync(HttpRequest request, long id, CancellationToken ct)
    {
        var caller = await callers.ForAsync(request, ct);
        if (caller.Error is not null) return caller.Error;
        var (body, bodyError) = await WooCommerceRestCallers.BodyAsync(request, ct);
        if (bodyError is not null) return bodyError;
        if (!body!.TryGetValue("note", out var note)) return WooCommerceErrors.MissingParams("note");
        var invalid = new Dictionary<string, (string, string)>();
        if (note.ValueKind != JsonValueKind.String) invalid["note"] = ("rest_invalid_type", "note is not of type string.");
        var customer = body.TryGetValue("customer_note", out var c) ? Boolean(c) : false;
        if (customer is null) invalid["customer_note"] = ("rest_invalid_type", "customer_note is not of type boolean.");
        if (invalid.Count > 0) return WooCommerceErrors.InvalidParams(invalid);
        if (caller.Anonymous) return WooCommerceErrors.Rest(401, "woocommerce_rest_cannot_create", "Sorry, you are not allowed to create resources.");

        var site = caller.Site;
        var orderId = Id(id);
        if (site.Book.Find(orderId) is null) return InvalidOrderId();
        var text = note.GetString()!;
        if (text.Length == 0) return WooCommerceErrors.Rest(500, "woocommerce_api_cannot_create_order_note", "Cannot create order note, please try again.");
        var added = new WooCommerceOrderNote(site.NextId(), text, customer!.Value, clock.GetUtcNow());
        site.Extras(orderId).Add(added);
        if (added.CustomerNote && ShipmentNote().Match(text) is { Success: true } shipped)
        {
            var date = DateOnly.ParseExact(shipped.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            site.Book.Update(orderId, o => o.Shipments.Add(new SandboxShipment(added.Id.ToString(CultureInfo.InvariantCulture),
                shipped.Groups["carrier"].Value, shipped.Groups["tracking"].Value, new DateTimeOffset(date, TimeOnly.MinValue, TimeSpan.Zero), [])));
            if (site.Book.TakeLostAnswer())
            {
                request.HttpContext.Abort();
                return Results.Empty;
            }
        }
        var location = $"{caller.Home}{Orders}/{orderId}/notes/{added.Id}";
        return Results.Created(location, WooCommerceOrderJson.Note(orderId, added, caller.Home));
    }

    private IResult AdminPage(HttpRequest request)
    {
        var query = request.Query;
        if (query["page"].Last() != "wc-orders" || query["action"].Last() != "edit" || query["id"].Last() is not { Length: > 0 } id)
            return Results.Content("<!doctype html><title>Not found</title><p>No such admin page in this sandbox.</p>", "text/html", statusCode: 404);
        return SandboxOrderPage.Render("WooCommerce", callers.Site(request).Site.Book.Find(id));
    }

    private static string PageUrl(HttpRequest request, string home, int page) =>
        QueryHelpers.AddQueryString(home + Orders, request.Query.Where(q => q.Key != "page")
            .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))
            .Append(KeyValuePair.Create("page", (string?)page.ToString(CultureInfo.InvariantCulture))));

    private static bool? Boolean(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when value.GetString() is "true" or "1" => true,
        JsonValueKind.String when value.GetString() is "false" or "0" or "" => false,
        JsonValueKind.Number when value.GetRawText() is "1" or "0" => value.GetRawText() == "1",
        _ => null,
    };

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static IResult InvalidId(int status) => WooCommerceErrors.Rest(status, "woocommerce_rest_shop_order_invalid_id", "Invalid ID.");

    public static IResult InvalidOrderId() => WooCommerceErrors.Rest(404, "woocommerce_rest_order_invalid_id", "Invalid order ID.");

    [GeneratedRegex(@"^Shipped via (?<carrier>.+?), tracking (?<tracking>[A-Za-z0-9 -]+?) \((?<date>\d{4}-\d{2}-\d{2})\)")]
    private static partial Regex ShipmentNote();
}
