using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplaces.Sandbox;
using static Marketplaces.Amazon.Sandbox.Listings.AmazonListingChecks;

namespace Marketplaces.Amazon.Sandbox.Listings;

/// <summary>
/// Listings Items 2021-08-01 (amazon.md "Publish / update a product", "Read listings"): put, patch, get, delete and
/// search, for the token's own seller only. A submission is checked at once (INVALID with ERROR issues, nothing
/// stored; VALID without storing in VALIDATION_PREVIEW mode) and otherwise ACCEPTED and processed
/// <see cref="Processing"/> later, when its pictures have been fetched: a read before that sees the item as it was.
/// </summary>
internal sealed class AmazonListingsEndpoints(AmazonSpApi spApi, AmazonSandboxListings listings, IHttpClientFactory http, TimeProvider clock)
{
    /// <summary>How long processing takes here; Amazon takes minutes, which the publisher's polling must allow for.</summary>
    public static readonly TimeSpan Processing = TimeSpan.FromMilliseconds(300);

    private static readonly string[] Images = ["main_product_image_locator", .. Enumerable.Range(1, 8).Select(i => $"other_product_image_locator_{i}")];

    public async Task<IResult> PutAsync(HttpRequest request, string sellerId, string sku, CancellationToken ct)
    {
        var (seller, marketplaces, refusal) = await CallerAsync(request, sellerId, ct);
        if (refusal is not null) return refusal;
        if (await SandboxBody.ReadObjectAsync(request, ct) is not { } body || body["attributes"] is not JsonObject attributes || AmazonListingChecks.Text(body["productType"]) is not { } productTypeName)
            return AmazonSpApi.InvalidInput("The request body must be a ListingsItemPutRequest with productType and attributes.");
        return await SubmitAsync(request, seller!, marketplaces, sku, productTypeName, attributes, ct);
    }

    /// <summary>patchListingsItem: add, replace, merge (as replace here) and delete on <c>/attributes/{name}</c>, then the same checks as a put.</summary>
    public async Task<IResult> PatchAsync(HttpRequest request, string sellerId, string sku, CancellationToken ct)
    {
        var (seller, marketplaces, refusal) = await CallerAsync(request, sellerId, ct);
        if (refusal is not null) return refusal;
        if (await SandboxBody.ReadObjectAsync(request, ct) is not { } body || body["patches"] is not JsonArray patches || AmazonListingChecks.Text(body["productType"]) is not { } productTypeName)
            return AmazonSpApi.InvalidInput("The request body must be a ListingsItemPatchRequest with productType and patches.");
        JsonObject attributes;
        lock (seller!.Gate)
        {
            if (!seller.Items.TryGetValue(sku, out var item) || (item.Pending ?? item.Visible(clock.GetUtcNow())) is not { } latest)
                return AmazonSpApi.NotFound($"The listings item {sku} was not found.");
            attributes = (JsonObject)latest.Attributes.DeepClone();
        }
        foreach (var patch in patches)
        {
            var path = AmazonListingChecks.Text(patch?["path"]) ?? "";
            if (!path.StartsWith("/attributes/", StringComparison.Ordinal)) return AmazonSpApi.InvalidInput($"Unsupported patch path '{path}'.");
            var name = path["/attributes/".Length..];
            switch (AmazonListingChecks.Text(patch!["op"]))
            {
                case "add" or "replace" or "merge": attributes[name] = patch["value"]?.DeepClone(); break;
                case "delete": attributes.Remove(name); break;
                default: return AmazonSpApi.InvalidInput("op must be add, replace, merge or delete.");
            }
        }
        return await SubmitAsync(request, seller, marketplaces, sku, productTypeName, attributes, ct);
    }

    public async Task<IResult> GetAsync(HttpRequest request, string sellerId, string sku, CancellationToken ct)
    {
        var (seller, _, refusal) = await CallerAsync(request, sellerId, ct);
        if (refusal is not null) return refusal;
        lock (seller!.Gate)
        {
            if (!seller.Items.TryGetValue(sku, out var item) || item.Visible(clock.GetUtcNow()) is not { } shown)
                return AmazonSpApi.NotFound($"The listings item {sku} was not found.");
            AmazonSpApi.Success(request.HttpContext.Response, "5.0");
            return Results.Json(AmazonListingJson.Item(seller, item, shown, Included(request)));
        }
    }

    /// <summary>deleteListingsItem: ACCEPTED, whether or not the SKU was there (the operation declares no 404).</summary>
    public async Task<IResult> DeleteAsync(HttpRequest request, string sellerId, string sku, CancellationToken ct)
    {
        var (seller, _, refusal) = await CallerAsync(request, sellerId, ct);
        if (refusal is not null) return refusal;
        lock (seller!.Gate) seller.Items.Remove(sku);
        AmazonSpApi.Success(request.HttpContext.Response, "5.0");
        return Results.Json(new { sku, status = "ACCEPTED", submissionId = Guid.NewGuid().ToString("N"), issues = Array.Empty<object>() });
    }

    /// <summary>searchListingsItems: pageSize 1–20 (default 10), an opaque pageToken, optionally one parent's children.</summary>
    public async Task<IResult> SearchAsync(HttpRequest request, string sellerId, CancellationToken ct)
    {
        var (seller, _, refusal) = await CallerAsync(request, sellerId, ct);
        if (refusal is not null) return refusal;
        var pageSize = request.Query.ContainsKey("pageSize") ? int.TryParse(request.Query["pageSize"], out var n) ? n : 0 : 10;
        if (pageSize is < 1 or > 20) return AmazonSpApi.InvalidInput("pageSize must be from 1 to 20.");
        var offset = 0;
        if (request.Query["pageToken"].ToString() is { Length: > 0 } token && !int.TryParse(Encoding.UTF8.GetString(Base64(token)), out offset))
            return AmazonSpApi.InvalidInput("Invalid pageToken.");
        var parent = request.Query["variationParentSku"].ToString();
        lock (seller!.Gate)
        {
            var now = clock.GetUtcNow();
            var visible = seller.Items.Values.Select(i => (Item: i, Shown: i.Visible(now))).Where(x => x.Shown is not null)
                .Where(x => parent.Length == 0 || AmazonListingChecks.Text(x.Shown!.Attributes["child_parent_sku_relationship"]?[0]?["parent_sku"]) == parent)
                .OrderBy(x => x.Item.Created).ThenBy(x => x.Item.Sku, StringComparer.Ordinal).ToList();
            var page = visible.Skip(offset).Take(pageSize).ToList();
            var body = new JsonObject
            {
                ["numberOfResults"] = visible.Count,
                ["items"] = new JsonArray([.. page.Select(x => (JsonNode)AmazonListingJson.Item(seller, x.Item, x.Shown!, Included(request)))]),
            };
            if (offset + pageSize < visible.Count)
                body["pagination"] = new JsonObject { ["nextToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes((offset + pageSize).ToString(CultureInfo.InvariantCulture))) };
            AmazonSpApi.Success(request.HttpContext.Response, "5.0");
            return Results.Json(body);
        }
    }

    /// <summary>The product's page on Amazon (www.amazon.com/dp/{asin}): title and each offer's price and stock; a parent lists its children.</summary>
    public IResult Page(string asin)
    {
        foreach (var seller in listings.Sellers)
        {
            lock (seller.Gate)
            {
                var now = clock.GetUtcNow();
                if (seller.Items.Values.FirstOrDefault(i => i.Asin == asin) is not { } item || item.Visible(now) is not { } shown) continue;
                var children = seller.Items.Values.Where(i => AmazonListingChecks.Text(i.Visible(now)?.Attributes["child_parent_sku_relationship"]?[0]?["parent_sku"]) == item.Sku)
                    .Select(i => (i.Sku, i.Current!)).ToList();
                var rows = children.Count > 0 ? children : [(item.Sku, shown)];
                var table = string.Concat(rows.Select(r =>
                    $"<tr data-sku=\"{System.Net.WebUtility.HtmlEncode(r.Item1)}\"><td class=\"price\">{r.Item2.Attributes["purchasable_offer"]?[0]?["our_price"]?[0]?["schedule"]?[0]?["value_with_tax"]?.GetValue<decimal>().ToString("0.00", CultureInfo.InvariantCulture)}</td>"
                    + $"<td class=\"quantity\">{r.Item2.Attributes["fulfillment_availability"]?[0]?["quantity"]}</td></tr>"));
                var title = System.Net.WebUtility.HtmlEncode(AmazonListingChecks.Text(shown.Attributes["item_name"]?[0]?["value"]));
                return Results.Content($"<!DOCTYPE html><html lang=\"en-us\"><head><meta charset=\"utf-8\"><title>Amazon.com: {title}</title></head><body>"
                                       + $"<h1 id=\"productTitle\">{title}</h1><table class=\"offers\">{table}</table></body></html>", "text/html; charset=utf-8");
            }
        }
        return Results.Content("<!DOCTYPE html><html><body><h1>Sorry! We couldn't find that page.</h1></body></html>", "text/html; charset=utf-8", statusCode: 404);
    }

    private async Task<IResult> SubmitAsync(HttpRequest request, AmazonSandboxSellerListings seller, IReadOnlyCollection<string> marketplaces, string sku,
        string productTypeName, JsonObject attributes, CancellationToken ct)
    {
        if (AmazonSandboxProductTypes.Find(productTypeName) is not { } productType)
            return AmazonSpApi.InvalidInput($"'{productTypeName}' is not a product type of marketplace {string.Join(",", marketplaces)}.");
        List<JsonObject> issues;
        lock (seller.Gate)
        {
            var now = clock.GetUtcNow();
            issues = Issues(productType, attributes, marketplaces, parentSku => seller.Items.TryGetValue(parentSku, out var p) ? (p.Pending ?? p.Visible(now))?.Attributes : null);
        }
        var preview = request.Query["mode"].ToString() == "VALIDATION_PREVIEW";
        var status = issues.Count > 0 ? "INVALID" : preview ? "VALID" : "ACCEPTED";
        if (status == "ACCEPTED")
        {
            var processed = await ProcessingIssuesAsync(attributes, ct);
            lock (seller.Gate)
            {
                var now = clock.GetUtcNow();
                if (!seller.Items.TryGetValue(sku, out var item))
                    seller.Items[sku] = item = new AmazonSandboxItem { Sku = sku, Asin = Asin(sku, seller), MarketplaceId = marketplaces.First(), Created = now };
                item.Visible(now);
                item.Pending = new AmazonSandboxSubmission(productType.Name, (JsonObject)attributes.DeepClone(), processed, now + Processing, now);
            }
        }
        AmazonSpApi.Success(request.HttpContext.Response, "5.0");
        return Results.Json(new JsonObject
        {
            ["sku"] = sku, ["status"] = status, ["submissionId"] = Guid.NewGuid().ToString("N"),
            ["issues"] = new JsonArray([.. issues.Select(i => (JsonNode)i)]),
        });
    }

    /// <summary>What processing finds after acceptance: pictures Amazon could not download.</summary>
    private async Task<List<JsonObject>> ProcessingIssuesAsync(JsonObject attributes, CancellationToken ct)
    {
        var issues = new List<JsonObject>();
        using var client = http.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(10);
        foreach (var name in Images.Where(n => attributes[n] is not null))
        {
            var url = AmazonListingChecks.Text(attributes[name]?[0]?["media_location"]);
            if ((await SandboxImageFetch.FetchAsync(client, url, ct)).Problem is not null)
                issues.Add(Error("18191", $"The image at {url} could not be downloaded.", name, "INVALID_ATTRIBUTE"));
        }
        return issues;
    }

    private async Task<(AmazonSandboxSellerListings? Seller, IReadOnlyCollection<string> Marketplaces, IResult? Refusal)> CallerAsync(
        HttpRequest request, string sellerId, CancellationToken ct)
    {
        var (account, refusal) = await spApi.AuthorizeAsync(request, ct);
        if (account is null) return (null, [], refusal);
        if (account.SellingPartnerId != sellerId)
            return (null, [], AmazonSpApi.Errors(StatusCodes.Status403Forbidden, "Unauthorized", "Access to requested resource is denied.", ""));
        var marketplaces = request.Query["marketplaceIds"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (marketplaces.Length == 0) return (null, [], AmazonSpApi.InvalidInput("Missing required parameter marketplaceIds."));
        if (marketplaces.Length > 1) return (null, [], AmazonSpApi.InvalidInput("Only one marketplaceId is supported."));
        if (marketplaces.FirstOrDefault(m => AmazonSandboxAccount.Marketplaces.All(p => p.Id != m)) is { } unknown)
            return (null, [], AmazonSpApi.InvalidInput($"Invalid marketplaceIds: {unknown}."));
        return (listings.Seller(sellerId), marketplaces, null);
    }

    private static byte[] Base64(string token)
    {
        var bytes = new byte[token.Length];
        return Convert.TryFromBase64String(token, bytes, out var length) ? bytes[..length] : [];
    }

    private static ICollection<string> Included(HttpRequest request) =>
        request.Query["includedData"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>An ASIN for a new SKU: "B0" and eight letters or digits, the same for the same seller and SKU.</summary>
    private static string Asin(string sku, AmazonSandboxSellerListings seller)
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seller.SellerId}:{sku}"));
        return "B0" + new string(hash.Take(8).Select(b => alphabet[b % alphabet.Length]).ToArray());
    }
}
