using System.Globalization;
using System.Net;
using System.Text.Json;
using Marketplaces.Sandbox;
using Marketplaces.WooCommerce.Sandbox.Orders;

namespace Marketplaces.WooCommerce.Sandbox.Listings;

/// <summary>
/// wc/v3 products and variations (woocommerce.md §5) and the shop's product page (the permalink). Images named by
/// <c>src</c> are downloaded as WooCommerce does, by the store itself: an address it cannot fetch, or that does not
/// answer with an image, refuses the call. SKUs are unique across products and variations.
/// </summary>
public sealed class WooCommerceProductsEndpoints(WooCommerceRestCallers callers, IHttpClientFactory http, SandboxJournal journal, TimeProvider clock)
{
    private const string Products = "/wp-json/wc/v3/products";
    private const int MaxBatch = 100;

    /// <summary>The journal's name for a call of the products batch route.</summary>
    public const string ProductsBatch = "products/batch";

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet(Products, ListAsync);
        routes.MapPost(Products, (HttpRequest request, CancellationToken ct) => SaveAsync(request, null, ct));
        routes.MapGet(Products + "/{id:long}", GetAsync);
        routes.MapGet(Products + "/categories", CategoriesAsync);
        routes.MapPost(Products + "/batch", ProductsBatchAsync);
        routes.MapMethods(Products + "/{id:long}", ["POST", "PUT", "PATCH"], (HttpRequest request, long id, CancellationToken ct) => SaveAsync(request, id, ct));
        routes.MapDelete(Products + "/{id:long}", DeleteAsync);
        routes.MapGet(Products + "/{id:long}/variations", VariationsAsync);
        routes.MapPost(Products + "/{id:long}/variations/batch", BatchAsync);
        routes.MapGet("/product/{slug}", ProductPage);
    }

    private async Task<IResult> ListAsync(HttpRequest request, CancellationToken ct)
    {
        var caller = await callers.ForAsync(request, ct);
        if (caller.Error is not null) return caller.Error;
        var (page, perPage, descending, orderBy, invalid) = Paging(request);
        if (invalid is not null) return invalid;
        if (caller.Anonymous) return WooCommerceErrors.Rest(401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.");
        var skus = request.Query["sku"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var search = request.Query["search"].ToString();
        var products = caller.Site.Products;
        var (items, total) = products.Write((all, media) =>
        {
            var matching = all.Where(p => skus.Length == 0 || skus.Contains(p.Sku, StringComparer.OrdinalIgnoreCase))
                .Where(p => search.Length == 0 || p.Name.Contains(search, StringComparison.OrdinalIgnoreCase)).ToList();
            Func<WooCommerceSandboxProduct, object> key = orderBy switch
            {
                "title" => p => p.Name,
                "slug" => p => p.Slug,
                "modified" => p => p.Modified,
                "date" => p => p.Created,
                _ => p => p.Id,
            };
            matching = (descending ? matching.OrderByDescending(key).ThenByDescending(p => p.Id) : matching.OrderBy(key).ThenBy(p => p.Id)).ToList();
            return (matching.Skip((page - 1) * perPage).Take(perPage).Select(p => WooCommerceProductJson.Product(p, media, caller.Home)).ToList(), matching.Count);
        });
        request.HttpContext.Response.Headers["X-WP-Total"] = total.ToString(CultureInfo.InvariantCulture);
        request.HttpContext.Response.Headers["X-WP-TotalPages"] = ((total + perPage - 1) / perPage).ToString(CultureInfo.InvariantCulture);
        return Results.Json(items);
    }

    private async Task<IResult> GetAsync(HttpRequest request, long id, CancellationToken ct)
    {
        var caller = await callers.ForAsync(request, ct);
        if (caller.Error is not null) return caller.Error;
        if (caller.Anonymous) return WooCommerceErrors.Rest(401, "woocommerce_rest_cannot_view", "Sorry, you cannot view this resource.");
        var json = caller.Site.Products.Write((all, media) => all.FirstOrDefault(p => p.Id == id) is { } p ? WooCommerceProductJson.Product(p, media, caller.Home) : null);
        return json is null ? InvalidId(404) : Results.Json(json);
    }

    /// <summary>Create (<paramref name="id"/> null) or update. An update of an id that is not a product is a 400, unlike a read.</summary>
    private async Task<IResult> SaveAsync(HttpRequest request, long? id, CancellationToken ct)
    {
        var caller = await callers.ForAsync(request, ct);
        if (caller.Error is not null) return caller.Error;
        var (body, bodyError) = await WooCommerceRestCallers.BodyAsync(request, ct);
        if (bodyError is not null) return bodyError;
        if (id is null && body!.ContainsKey("id")) return WooCommerceErrors.Rest(400, "woocommerce_rest_product_exists", "Cannot create existing product.");
        var input = new WooCommerceProductInput(body!);
        var name = input.Text("name");
        var type = input.Text("type", WooCommerceProductInput.Types);
        var status = input.Text("status", WooCommerceProductInput.Statuses);
        var sku = input.Text("sku");
        var price = input.Price("regular_price");
        var manage = input.Boolean("manage_stock");
        var stock = input.Integer("stock_quantity");
        var description = input.Text("description");
        var weight = input.Text("weight");
        var images = input.Objects("images");
        var categories = input.Objects("categories");
        var attributes = input.Objects("attributes");
        if (input.Invalid.Count > 0) return WooCommerceErrors.InvalidParams(input.Invalid);
        if (caller.Anonymous) return WooCommerceErrors.Rest(401, id is null ? "woocommerce_rest_cannot_create" : "woocommerce_rest_cannot_edit",
            id is null ? "Sorry, you are not allowed to create resources." : "Sorry, you are not allowed to edit this resource.");

        var products = caller.Site.Products;
        if (id is { } known && products.Read(all => all.All(p => p.Id != known))) return InvalidId(400);
        var (downloaded, imageError) = await DownloadAsync(images?.Where(i => Field(i, "id") is null or "0").ToList() ?? [], ct);
        if (imageError is not null) return imageError;

        return products.Write((all, media) =>
        {
            if (sku is not null && WooCommerceSandboxProducts.SkuTaken(all, sku, id ?? 0))
                return WooCommerceErrors.Rest(400, "product_invalid_sku", "Invalid or duplicated SKU.");
            var imageIds = new List<long>();
            foreach (var image in images ?? [])
            {
                if (Field(image, "id") is { } given && given != "0")
                {
                    if (!long.TryParse(given, out var mediaId) || !media.ContainsKey(mediaId))
                        return WooCommerceErrors.Rest(400, "woocommerce_product_invalid_image_id", $"#{given} is an invalid image ID.");
                    imageIds.Add(mediaId);
                }
                else
                {
                    var fetched = downloaded[Field(image, "src")!];
                    var attachment = new WooCommerceSandboxMedia(caller.Site.NextId(), Field(image, "name") ?? "", fetched.Src, fetched.ContentType, fetched.Bytes);
                    media[attachment.Id] = attachment;
                    imageIds.Add(attachment.Id);
                }
            }
            var now = clock.GetUtcNow();
            var product = id is { } existing ? all.Single(p => p.Id == existing) : new WooCommerceSandboxProduct { Id = caller.Site.NextId(), Created = now };
            if (id is null) all.Add(product);
            if (name is not null) product.Name = name;
            if (product.Slug.Length == 0 || name is not null) product.Slug = Slug(all, product);
            if (type is not null) product.Type = type;
            if (status is not null) product.Status = status;
            if (sku is not null) product.Sku = sku;
            if (price is not null) product.RegularPrice = price;
            if (manage is not null) product.ManageStock = manage.Value;
            if (stock is not null) product.StockQuantity = stock;
            if (description is not null) product.Description = description;
            if (weight is not null) product.Weight = weight;
            if (input.Object("dimensions") is { } d)
                product.Dimensions = (Field(d, "length") ?? product.Dimensions.Length, Field(d, "width") ?? product.Dimensions.Width, Field(d, "height") ?? product.Dimensions.Height);
            if (images is not null) product.ImageIds = imageIds;
            // WordPress sets only the terms that exist, and a product left with none is Uncategorized.
            if (categories is not null)
            {
                var ids = categories.Select(c => long.TryParse(Field(c, "id"), out var n) ? n : 0).Where(n => WooCommerceSandboxProducts.Categories.Any(c => c.Id == n)).Distinct().ToList();
                product.CategoryIds = ids.Count > 0 ? ids : [WooCommerceSandboxProducts.Uncategorized];
            }
            if (attributes is not null)
                product.Attributes = attributes.Select(a => (Field(a, "name") ?? "", Flag(a, "visible"), Flag(a, "variation"),
                    a.TryGetProperty("options", out var o) && o.ValueKind == JsonValueKind.Array ? o.EnumerateArray().Select(x => x.ToString()).ToList() : [])).ToList();
            product.Modified = now;
            return Results.Json(WooCommerceProductJson.Product(product, media, caller.Home), statusCode: id is null ? 201 : 200);
        });
    }

    private async Task<IResult> CategoriesAsync(HttpRequest request, CancellationToken ct)
    {
        var caller = await callers.ForAsync(request, ct);
        if (caller.Error is not null) return caller.Error;
        var (_, perPage, _, _, invalid) = Paging(request);
        if (invalid is not null) return invalid;
        if (caller.Anonymous) return WooCommerceErrors.Rest(401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.");
        var counts = caller.Site.Products.Read(all => WooCommerceSandboxProducts.Categories.ToDictionary(c => c.Id, c => all.Count(p => p.CategoryIds.Contains(c.Id))));
        return Results.Json(WooCommerceSandboxProducts.Categories.Take(perPage)
            .Select(c => new { id = c.Id, name = c.Name, slug = c.Slug, parent = 0, description = "", display = "default", count = counts[c.Id] }));
    }

    private async Task<IResult> DeleteAsync(HttpRequest request, long id, CancellationToken ct)
    {
        var caller = await callers.ForAsync(request, ct);
        if (caller.Error is not null) return caller.Error;
        if (caller.Anonymous) return WooCommerceErrors.Rest(401, "woocommerce_rest_cannot_delete", "Sorry, you are not allowed to delete this resource.");
        var force = request.Query["force"] is var f && (f == "true" || f == "1");
        return caller.Site.Products.Write((all, media) =>
        {
            if (all.FirstOrDefault(p => p.Id == id) is not { } product) return InvalidId(404);
            var json = WooCommerceProductJson.Product(product, media, caller.Home);
            if (force) all.Remove(product);
            else product.Status = "trash";
            return Results.Json(json);
        });
    }

    private async Task<IResult> VariationsAsync(HttpRequest request, long id, CancellationToken ct)
    {
        var caller = await callers.ForAsync(request, ct);
        if (caller.Error is not null) return caller.Error;
        var (page, perPage, _, _, invalid) = Paging(request);
        if (invalid is not null) return invalid;
        if (caller.Anonymous) return WooCommerceErrors.Rest(401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.");
        var items = caller.Site.Products.Write((all, media) => all.FirstOrDefault(p => p.Id == id) is { } parent
            ? parent.Variations.Skip((page - 1) * perPage).Take(perPage).Select(v => WooCommerceProductJson.Variation(parent, v, media, caller.Home)).ToList()
            : null);
        return items is null ? WooCommerceErrors.Rest(404, "woocommerce_rest_product_variation_invalid_id", "Invalid ID.") : Results.Json(items);
    }

    /// <summary>
    /// The batch route: each item is validated and saved on its own, a refused item answered in its place as
    /// <c>{"id":…,"error":{code,message,data}}</c> with the call itself a 200.
    /// </summary>
    private async Task<IResult> BatchAsync(HttpRequest request, long id, CancellationToken ct)
    {
        var (batch, refused) = await BatchOfAsync(request, ct);
        if (refused is not null) return refused;
        var (caller, create, update, delete) = batch!;
        if (caller.Site.Products.Read(all => all.All(p => p.Id != id))) return InvalidId(404);
        var wanted = create.Concat(update).Select(v => v.TryGetProperty("image", out var i) && i.ValueKind == JsonValueKind.Object ? i : (JsonElement?)null)
            .OfType<JsonElement>().Where(i => Field(i, "id") is null or "0").ToList();
        var (downloaded, imageError) = await DownloadAsync(wanted, ct);
        if (imageError is not null) return imageError;

        return caller.Site.Products.Write((all, media) =>
        {
            var parent = all.Single(p => p.Id == id);
            var created = create.Select(item => SaveVariation(all, media, parent, null, item, downloaded, caller)).ToList();
            var updated = update.Select(item => long.TryParse(Field(item, "id"), out var vid) && parent.Variations.Any(v => v.Id == vid)
                ? SaveVariation(all, media, parent, vid, item, downloaded, caller)
                : ItemError(Field(item, "id"), 400, "woocommerce_rest_product_variation_invalid_id", "Invalid ID.")).ToList();
            var deleted = delete.Select(item => long.TryParse(item, out var vid) && parent.Variations.FirstOrDefault(v => v.Id == vid) is { } gone
                ? Remove(parent, gone, media, caller.Home)
                : ItemError(item, 404, "woocommerce_rest_product_variation_invalid_id", "Invalid ID.")).ToList();
            parent.Modified = clock.GetUtcNow();
            return Results.Json(new { create = created, update = updated, delete = deleted });
        });
    }

    private sealed record Batch(WooCommerceRestCaller Caller, List<JsonElement> Create, List<JsonElement> Update, List<string> Delete);

    /// <summary>A batch route's call, checked as WooCommerce checks it before any item: its body, its size, its caller.</summary>
    private async Task<(Batch? Batch, IResult? Refused)> BatchOfAsync(HttpRequest request, CancellationToken ct)
    {
        var caller = await callers.ForAsync(request, ct);
        if (caller.Error is not null) return (null, caller.Error);
        var (body, bodyError) = await WooCommerceRestCallers.BodyAsync(request, ct);
        if (bodyError is not null) return (null, bodyError);
        var input = new WooCommerceProductInput(body!);
        var create = input.Objects("create") ?? [];
        var update = input.Objects("update") ?? [];
        var delete = body!.TryGetValue("delete", out var d) && d.ValueKind == JsonValueKind.Array ? d.EnumerateArray().Select(x => x.ToString()).ToList() : [];
        if (input.Invalid.Count > 0) return (null, WooCommerceErrors.InvalidParams(input.Invalid));
        if (create.Count + update.Count + delete.Count > MaxBatch)
            return (null, WooCommerceErrors.Rest(413, "woocommerce_rest_request_entity_too_large", $"Unable to accept more than {MaxBatch} items for this request."));
        if (caller.Anonymous) return (null, WooCommerceErrors.Rest(401, "woocommerce_rest_cannot_batch", "Sorry, you are not allowed to batch manipulate this resource."));
        return (new Batch(caller, create, update, delete), null);
    }

    /// <summary>
    /// The products batch route, for what the app sends through it: updates of price, status and stock, each item checked
    /// and answered on its own. Creating or deleting products in a batch is not emulated: those items are answered
    /// with an error in their place.
    /// </summary>
    private async Task<IResult> ProductsBatchAsync(HttpRequest request, CancellationToken ct)
    {
        var (batch, refused) = await BatchOfAsync(request, ct);
        if (refused is not null) return refused;
        var (caller, create, update, delete) = batch!;
        journal.Request(WooCommerceSandboxStore.Id, ProductsBatch);
        return caller.Site.Products.Write((all, media) =>
        {
            var updated = update.Select(item =>
            {
                var fields = new WooCommerceProductInput(item.EnumerateObject().ToDictionary(p => p.Name, p => p.Value));
                var (price, status, manage, stock) = (fields.Price("regular_price"), fields.Text("status", WooCommerceProductInput.Statuses), fields.Boolean("manage_stock"), fields.Integer("stock_quantity"));
                if (fields.Invalid.Count > 0)
                    return ItemError(Field(item, "id"), 400, "rest_invalid_param", $"Invalid parameter(s): {string.Join(", ", fields.Invalid.Keys)}");
                if (!long.TryParse(Field(item, "id"), out var pid) || all.FirstOrDefault(p => p.Id == pid) is not { } product)
                    return ItemError(Field(item, "id"), 400, "woocommerce_rest_product_invalid_id", "Invalid ID.");
                if (price is not null) product.RegularPrice = price;
                if (status is not null) product.Status = status;
                if (manage is not null) product.ManageStock = manage.Value;
                if (stock is not null) product.StockQuantity = stock;
                product.Modified = clock.GetUtcNow();
                return WooCommerceProductJson.Product(product, media, caller.Home);
            }).ToList();
            var notEmulated = (IEnumerable<string?> ids) => ids.Select(id => ItemError(id, 400, "sandbox_not_emulated", "The sandbox updates products in a batch; it does not create or delete them.")).ToList();
            return Results.Json(new { create = notEmulated(create.Select(_ => (string?)null)), update = updated, delete = notEmulated(delete) });
        });
    }

    private static object Remove(WooCommerceSandboxProduct parent, WooCommerceSandboxVariation variation, Dictionary<long, WooCommerceSandboxMedia> media, string home)
    {
        parent.Variations.Remove(variation);
        return WooCommerceProductJson.Variation(parent, variation, media, home);
    }

    private static object SaveVariation(List<WooCommerceSandboxProduct> all, Dictionary<long, WooCommerceSandboxMedia> media, WooCommerceSandboxProduct parent,
        long? id, JsonElement item, IReadOnlyDictionary<string, Download> downloaded, WooCommerceRestCaller caller)
    {
        var input = new WooCommerceProductInput(item.EnumerateObject().ToDictionary(p => p.Name, p => p.Value));
        var sku = input.Text("sku");
        var price = input.Price("regular_price");
        var manage = input.Boolean("manage_stock");
        var stock = input.Integer("stock_quantity");
        var attributes = input.Objects("attributes");
        if (input.Invalid.Count > 0)
            return ItemError(id?.ToString(CultureInfo.InvariantCulture), 400, "rest_invalid_param", $"Invalid parameter(s): {string.Join(", ", input.Invalid.Keys)}");
        if (sku is not null && WooCommerceSandboxProducts.SkuTaken(all, sku, id ?? 0))
            return ItemError(id?.ToString(CultureInfo.InvariantCulture), 400, "product_invalid_sku", "Invalid or duplicated SKU.");
        var variation = id is { } known ? parent.Variations.Single(v => v.Id == known) : new WooCommerceSandboxVariation { Id = caller.Site.NextId() };
        if (id is null) parent.Variations.Add(variation);
        if (sku is not null) variation.Sku = sku;
        if (price is not null) variation.RegularPrice = price;
        if (manage is not null) variation.ManageStock = manage.Value;
        if (stock is not null) variation.StockQuantity = stock;
        if (attributes is not null) variation.Attributes = attributes.Select(a => (Field(a, "name") ?? "", Field(a, "option") ?? "")).ToList();
        if (input.Object("image") is { } image)
        {
            if (Field(image, "id") is { } given && given != "0") variation.ImageId = long.TryParse(given, out var mediaId) && media.ContainsKey(mediaId) ? mediaId : null;
            else if (Field(image, "src") is { } src && downloaded.TryGetValue(src, out var fetched))
            {
                var attachment = new WooCommerceSandboxMedia(caller.Site.NextId(), Field(image, "name") ?? "", src, fetched.ContentType, fetched.Bytes);
                media[attachment.Id] = attachment;
                variation.ImageId = attachment.Id;
            }
        }
        return WooCommerceProductJson.Variation(parent, variation, media, caller.Home);
    }

    private static object ItemError(string? id, int status, string code, string message) =>
        new { id = long.TryParse(id, out var n) ? n : 0, error = new { code, message, data = new { status } } };

    /// <summary>Each distinct <c>src</c> fetched once, as <c>wc_rest_upload_image_from_url</c> does; the first that fails refuses the call.</summary>
    private async Task<(IReadOnlyDictionary<string, Download> Images, IResult? Error)> DownloadAsync(IReadOnlyList<JsonElement> images, CancellationToken ct)
    {
        var downloaded = new Dictionary<string, Download>();
        using var client = http.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(10);
        foreach (var src in images.Select(i => Field(i, "src")).Distinct())
        {
            var fetched = await SandboxImageFetch.FetchAsync(client, src, ct);
            var problem = fetched.Problem switch
            {
                null => null,
                ImageFetchProblem.InvalidUrl => $"Invalid URL {src}.",
                ImageFetchProblem.NotAnImage => "Invalid image: Sorry, you are not allowed to upload this file type.",
                _ => $"Error getting remote image {src}. Error: {fetched.Detail}",
            };
            if (problem is not null) return (downloaded, WooCommerceErrors.Rest(400, "woocommerce_product_image_upload_error", problem));
            downloaded[src!] = new Download(src!, fetched.ContentType!, fetched.Bytes);
        }
        return (downloaded, null);
    }

    /// <summary>The product page a listing links to, with its price and what is in stock.</summary>
    private IResult ProductPage(HttpRequest request, string slug)
    {
        var (site, home) = callers.Site(request);
        var html = site.Products.Write((all, media) => all.FirstOrDefault(p => p.Slug == slug && p.Status == "publish") is { } p
            ? "<!DOCTYPE html><html lang=\"en-US\"><head><meta charset=\"utf-8\"><title>" + WebUtility.HtmlEncode(p.Name) + "</title></head><body>"
              + $"<h1 class=\"product_title\">{WebUtility.HtmlEncode(p.Name)}</h1>"
              + $"<p class=\"price\">{WebUtility.HtmlEncode(p.Type == "variable" ? string.Join(" – ", p.Variations.Select(v => v.RegularPrice).Distinct()) : p.RegularPrice)}</p>"
              + $"<p class=\"sku\">SKU: {WebUtility.HtmlEncode(p.Sku)}</p>"
              + (p.Variations.Count == 0 ? $"<p class=\"stock\">{p.StockQuantity} in stock</p>"
                  : "<table class=\"variations\">" + string.Concat(p.Variations.Select(v =>
                      $"<tr data-sku=\"{WebUtility.HtmlEncode(v.Sku)}\"><td>{WebUtility.HtmlEncode(string.Join(" / ", v.Attributes.Select(a => a.Option)))}</td><td class=\"price\">{WebUtility.HtmlEncode(v.RegularPrice)}</td><td class=\"stock\">{v.StockQuantity}</td></tr>")) + "</table>")
              + $"<div class=\"images\">{p.ImageIds.Count} images</div></body></html>"
            : null);
        return html is null
            ? Results.Content("<!DOCTYPE html><html><body><h1>Page not found</h1></body></html>", "text/html; charset=utf-8", statusCode: 404)
            : Results.Content(html, "text/html; charset=utf-8");
    }

    /// <summary>The collection arguments the product routes take (woocommerce.md §4): page, per_page (at most 100), order, orderby.</summary>
    private static (int Page, int PerPage, bool Descending, string OrderBy, IResult? Invalid) Paging(HttpRequest request)
    {
        var invalid = new Dictionary<string, (string, string)>();
        var perPage = WooCommerceQueryArguments.Integer(request.Query, "per_page", 10, 1, 100, invalid);
        var page = WooCommerceQueryArguments.Integer(request.Query, "page", 1, 1, null, invalid);
        var order = WooCommerceQueryArguments.Enum(request.Query, "order", "desc", ["asc", "desc"], invalid);
        var orderBy = WooCommerceQueryArguments.Enum(request.Query, "orderby", "date", ["date", "id", "include", "title", "slug", "modified"], invalid);
        return (page, perPage, order == "desc", orderBy, invalid.Count > 0 ? WooCommerceErrors.InvalidParams(invalid) : null);
    }

    private static IResult InvalidId(int status) => WooCommerceErrors.Rest(status, "woocommerce_rest_product_invalid_id", "Invalid ID.");

    private static string Slug(List<WooCommerceSandboxProduct> all, WooCommerceSandboxProduct product)
    {
        var baseSlug = new string(product.Name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        baseSlug = string.Join('-', baseSlug.Split('-', StringSplitOptions.RemoveEmptyEntries)) is { Length: > 0 } s ? s : "product";
        var slug = baseSlug;
        for (var i = 2; all.Any(p => p != product && p.Slug == slug); i++) slug = $"{baseSlug}-{i}";
        return slug;
    }

    private static bool Flag(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.True || value.ValueKind == JsonValueKind.String && value.GetString() is "true" or "1";

    private static string? Field(JsonElement element, string name) => WooCommerceProductInput.Field(element, name);

    private sealed record Download(string Src, string ContentType, int Bytes);
}
