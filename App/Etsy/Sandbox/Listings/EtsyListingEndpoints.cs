using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace Marketplaces.Etsy.Sandbox.Listings;

/// <summary>
/// createDraftListing, updateListing (both form-encoded, etsy.md "Publish a product"), getListing and getListingsByShop
/// (etsy.md "Read listings"), and the listing page buyers open. Refusals are Etsy's <c>{"error":…}</c>; the sheet does
/// not give their wording, so it is the emulator's. Activation needs an image, a shipping profile, a return policy
/// (sandbox shops are US-based) and a processing profile on every offering, as the sheet says.
/// </summary>
internal sealed class EtsyListingEndpoints(EtsyApiGate gate, EtsySandboxListings listings, TimeProvider clock)
{
    /// <summary>when_made values of the provided spec (its newest bucket is 2020_2025; etsy.md notes the 2026 copy's 2020_2026).</summary>
    public static readonly string[] WhenMade =
    [
        "made_to_order", "2020_2025", "2010_2019", "2006_2009", "before_2006", "2000_2005", "1990s", "1980s", "1970s", "1960s", "1950s", "1940s",
        "1930s", "1920s", "1910s", "1900s", "1800s", "1700s", "before_1700",
    ];

    public static readonly string[] WhoMade = ["i_did", "someone_else", "collective"];

    private static readonly string[] Required = ["quantity", "title", "description", "price", "who_made", "when_made", "taxonomy_id"];

    public async Task<IResult> CreateAsync(HttpRequest request, string shop_id, CancellationToken ct)
    {
        var (grant, error) = await gate.AuthorizeShopAsync(request, shop_id, "listings_w", ct);
        if (error is not null) return error;
        if (!request.HasFormContentType) return Refused("The request body must be application/x-www-form-urlencoded.");
        var form = await request.ReadFormAsync(ct);
        if (Required.FirstOrDefault(f => StringValues.IsNullOrEmpty(form[f])) is { } missing) return Refused($"{missing} is required.");
        var shop = listings.Shop(grant!.ShopId);
        if (!int.TryParse(form["quantity"], NumberStyles.None, CultureInfo.InvariantCulture, out var quantity) || quantity is < 1 or > 999)
            return Refused("quantity must be an integer from 1 to 999.");
        if (!decimal.TryParse(form["price"], NumberStyles.Number, CultureInfo.InvariantCulture, out var price) || price is < 0.20m or > 50000m)
            return Refused("price must be a number from 0.20 to 50000.00.");
        var listing = new EtsySandboxListing
        {
            ListingId = listings.NextListingId(), ShopId = shop.ShopId, UserId = grant.UserId, Created = clock.GetUtcNow().ToUnixTimeSeconds(),
        };
        listing.Updated = listing.Created;
        if (Apply(listing, form, shop) is { } invalid) return invalid;
        listing.Products = [new EtsySandboxProduct(listings.NextProductId(), "", [], [new EtsySandboxOffering(listings.NextProductId(), price, quantity, true, shop.ReadinessStateId)])];
        lock (shop.Gate) shop.Listings[listing.ListingId] = listing;
        return Results.Json(EtsyListingJson.Listing(listing, EtsyListingJson.SiteRoot(request), []), statusCode: 201);
    }

    public async Task<IResult> UpdateAsync(HttpRequest request, string shop_id, long listing_id, CancellationToken ct)
    {
        var (grant, error) = await gate.AuthorizeShopAsync(request, shop_id, "listings_w", ct);
        if (error is not null) return error;
        if (!request.HasFormContentType) return Refused("The request body must be application/x-www-form-urlencoded.");
        var form = await request.ReadFormAsync(ct);
        var shop = listings.Shop(grant!.ShopId);
        lock (shop.Gate)
        {
            if (!shop.Listings.TryGetValue(listing_id, out var listing)) return NotFound(listing_id);
            var state = form["state"].ToString();
            if (state.Length > 0 && state is not ("active" or "inactive")) return Refused("state must be one of active, inactive.");
            if (Apply(listing, form, shop) is { } invalid) return invalid;
            if (state == "active")
            {
                if (listing.Images.Count == 0) return Refused("A listing needs at least one image before it can be activated.");
                if (listing.ShippingProfileId is null) return Refused("A physical listing needs a shipping profile before it can be activated.");
                if (listing.ReturnPolicyId is null) return Refused("A physical listing needs a return policy before it can be activated.");
            }
            if (state.Length > 0) listing.State = state;
            listing.Updated = clock.GetUtcNow().ToUnixTimeSeconds();
            return Results.Json(EtsyListingJson.Listing(listing, EtsyListingJson.SiteRoot(request), []));
        }
    }

    public async Task<IResult> GetAsync(HttpRequest request, long listing_id, CancellationToken ct)
    {
        if (await gate.CheckApiKeyAsync(request, ct) is { } error) return error;
        foreach (var shop in listings.Shops)
        {
            lock (shop.Gate)
            {
                if (shop.Listings.TryGetValue(listing_id, out var listing))
                    return Results.Json(EtsyListingJson.Listing(listing, EtsyListingJson.SiteRoot(request), Includes(request)));
            }
        }
        return NotFound(listing_id);
    }

    /// <summary>getListingsByShop: one state (default active), newest first when asked, limit 1–100, offset in records.</summary>
    public async Task<IResult> ListAsync(HttpRequest request, string shop_id, CancellationToken ct)
    {
        var (grant, error) = await gate.AuthorizeShopAsync(request, shop_id, "listings_r", ct);
        if (error is not null) return error;
        var state = request.Query["state"].ToString() is { Length: > 0 } s ? s : "active";
        if (state is not ("active" or "inactive" or "sold_out" or "draft" or "expired")) return Refused("state must be one of active, inactive, sold_out, draft, expired.");
        var limit = int.TryParse(request.Query["limit"], out var l) ? l : 25;
        var offset = int.TryParse(request.Query["offset"], out var o) ? o : 0;
        if (limit is < 1 or > 100) return Refused("limit must be an integer from 1 to 100.");
        if (offset < 0) return Refused("offset must be a non-negative integer.");
        var descending = request.Query["sort_order"].ToString() is "desc" or "down";
        var shop = listings.Shop(grant!.ShopId);
        lock (shop.Gate)
        {
            var matching = shop.Listings.Values.Where(x => x.State == state);
            var ordered = (descending ? matching.OrderByDescending(x => x.ListingId) : matching.OrderBy(x => x.ListingId)).ToList();
            var root = EtsyListingJson.SiteRoot(request);
            return Results.Json(new JsonObject
            {
                ["count"] = ordered.Count,
                ["results"] = new JsonArray([.. ordered.Skip(offset).Take(limit).Select(x => (JsonNode)EtsyListingJson.Listing(x, root, Includes(request)))]),
            });
        }
    }

    /// <summary>The listing as a buyer sees it: its title and each product's price and quantity; an inactive one is unavailable.</summary>
    public IResult Page(long listing_id)
    {
        foreach (var shop in listings.Shops)
        {
            lock (shop.Gate)
            {
                if (!shop.Listings.TryGetValue(listing_id, out var listing) || listing.State == "draft") continue;
                var rows = string.Concat(listing.Products.Select(p =>
                    $"<tr data-sku=\"{WebUtility.HtmlEncode(p.Sku)}\"><td>{WebUtility.HtmlEncode(string.Join(" / ", p.PropertyValues.SelectMany(v => v.Values)))}</td>"
                    + $"<td class=\"price\">{p.Offerings[0].Price.ToString("0.00", CultureInfo.InvariantCulture)}</td><td class=\"quantity\">{p.Offerings[0].Quantity}</td></tr>"));
                var body = $"<h1 class=\"listing-title\">{WebUtility.HtmlEncode(listing.Title)}</h1>"
                           + (listing.State == "active" ? $"<table class=\"products\">{rows}</table><div class=\"images\">{listing.Images.Count} images</div>" : "<p class=\"unavailable\">Sorry, this item is unavailable.</p>");
                return Results.Content($"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(listing.Title)} - Etsy</title></head><body>{body}</body></html>", "text/html; charset=utf-8");
            }
        }
        return Results.Content("<!DOCTYPE html><html><body><h1>Uh oh!</h1><p>Sorry, the page you were looking for was not found.</p></body></html>", "text/html; charset=utf-8", statusCode: 404);
    }

    /// <summary>The fields both create and update take, checked against the spec's enums and the shop's profiles.</summary>
    private static IResult? Apply(EtsySandboxListing listing, IFormCollection form, EtsySandboxShopListings shop)
    {
        if (form["title"].ToString() is { Length: > 0 } title)
        {
            if (title.Length > 140) return Refused("title must be at most 140 characters.");
            listing.Title = title;
        }
        if (form.ContainsKey("description")) listing.Description = form["description"].ToString();
        if (form["who_made"].ToString() is { Length: > 0 } who)
        {
            if (!WhoMade.Contains(who)) return Refused($"who_made must be one of {string.Join(", ", WhoMade)}.");
            listing.WhoMade = who;
        }
        if (form["when_made"].ToString() is { Length: > 0 } when)
        {
            if (!WhenMade.Contains(when)) return Refused($"when_made must be one of {string.Join(", ", WhenMade)}.");
            listing.WhenMade = when;
        }
        if (form["taxonomy_id"].ToString() is { Length: > 0 } taxonomy)
        {
            if (!long.TryParse(taxonomy, out var taxonomyId) || !EtsySandboxTaxonomy.IsLeaf(taxonomyId)) return Refused($"taxonomy_id {taxonomy} is not a leaf of the seller taxonomy.");
            listing.TaxonomyId = taxonomyId;
        }
        if (form["shipping_profile_id"].ToString() is { Length: > 0 } shipping)
        {
            if (shipping != shop.ShippingProfileId.ToString(CultureInfo.InvariantCulture)) return Refused($"shipping_profile_id {shipping} is not a shipping profile of this shop.");
            listing.ShippingProfileId = shop.ShippingProfileId;
        }
        if (form["return_policy_id"].ToString() is { Length: > 0 } returns)
        {
            if (returns != shop.ReturnPolicyId.ToString(CultureInfo.InvariantCulture)) return Refused($"return_policy_id {returns} is not a return policy of this shop.");
            listing.ReturnPolicyId = shop.ReturnPolicyId;
        }
        return null;
    }

    /// <summary>The spec's <c>includes</c> array, repeated (<c>includes=Images&amp;includes=Inventory</c>) or comma-separated.</summary>
    private static ICollection<string> Includes(HttpRequest request) =>
        request.Query["includes"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    public static IResult Refused(string message) => EtsyErrors.Api(StatusCodes.Status400BadRequest, message);

    public static IResult NotFound(long listingId) => EtsyErrors.Api(StatusCodes.Status404NotFound, $"Listing with listing_id {listingId} could not be found.");
}
