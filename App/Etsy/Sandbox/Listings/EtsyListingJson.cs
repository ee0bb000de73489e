using System.Text.Json.Nodes;

namespace Marketplaces.Etsy.Sandbox.Listings;

/// <summary>
/// Listings, images and inventories as the spec's ShopListing, ListingImage and ListingInventory (a subset of their
/// optional fields, none null where the schema says otherwise); money as Etsy's <c>{amount, divisor, currency_code}</c>.
/// </summary>
internal static class EtsyListingJson
{
    public static JsonObject Listing(EtsySandboxListing listing, string siteRoot, ICollection<string> includes)
    {
        var json = new JsonObject
        {
            ["listing_id"] = listing.ListingId, ["user_id"] = listing.UserId, ["shop_id"] = listing.ShopId,
            ["title"] = listing.Title, ["description"] = listing.Description, ["state"] = listing.State,
            ["creation_timestamp"] = listing.Created, ["created_timestamp"] = listing.Created,
            ["last_modified_timestamp"] = listing.Updated, ["updated_timestamp"] = listing.Updated, ["state_timestamp"] = listing.Updated,
            ["quantity"] = listing.Quantity, ["url"] = ListingUrl(siteRoot, listing.ListingId), ["num_favorers"] = 0,
            ["non_taxable"] = false, ["is_taxable"] = true, ["is_customizable"] = false, ["is_personalizable"] = false,
            ["listing_type"] = "physical", ["tags"] = new JsonArray(), ["materials"] = new JsonArray(),
            ["who_made"] = listing.WhoMade, ["when_made"] = listing.WhenMade, ["is_supply"] = false, ["is_private"] = false,
            ["has_variations"] = listing.Products.Any(p => p.PropertyValues.Count > 0), ["should_auto_renew"] = true, ["language"] = "en-US",
            ["price"] = Money(listing.Price), ["taxonomy_id"] = listing.TaxonomyId,
        };
        if (listing.ShippingProfileId is { } shipping) json["shipping_profile_id"] = shipping;
        if (listing.ReturnPolicyId is { } returns) json["return_policy_id"] = returns;
        if (includes.Contains("Images")) json["images"] = new JsonArray([.. listing.Images.OrderBy(i => i.Rank).Select(i => (JsonNode)Image(listing.ListingId, i, siteRoot))]);
        if (includes.Contains("Inventory")) json["inventory"] = Inventory(listing);
        return json;
    }

    public static string ListingUrl(string siteRoot, long listingId) => $"{siteRoot}/listing/{listingId}";

    public static JsonObject Image(long listingId, EtsySandboxImage image, string siteRoot)
    {
        var url = $"{siteRoot}/img/{image.Id}.jpg";
        return new JsonObject
        {
            ["listing_id"] = listingId, ["listing_image_id"] = image.Id, ["creation_tsz"] = image.Created, ["created_timestamp"] = image.Created,
            ["rank"] = image.Rank, ["url_75x75"] = url, ["url_170x135"] = url, ["url_570xN"] = url, ["url_fullxfull"] = url,
            ["full_height"] = image.Height, ["full_width"] = image.Width, ["alt_text"] = image.AltText,
        };
    }

    public static JsonObject Inventory(EtsySandboxListing listing) => new()
    {
        ["products"] = new JsonArray([.. listing.Products.Select(p => (JsonNode)new JsonObject
        {
            ["product_id"] = p.ProductId, ["sku"] = p.Sku, ["is_deleted"] = false,
            ["offerings"] = new JsonArray([.. p.Offerings.Select(o => (JsonNode)new JsonObject
            {
                ["offering_id"] = o.OfferingId, ["quantity"] = o.Quantity, ["is_enabled"] = o.Enabled, ["is_deleted"] = false,
                ["price"] = Money(o.Price), ["readiness_state_id"] = o.ReadinessStateId,
            })]),
            ["property_values"] = new JsonArray([.. p.PropertyValues.Select(v => (JsonNode)new JsonObject
            {
                ["property_id"] = v.PropertyId, ["property_name"] = v.PropertyName,
                ["value_ids"] = new JsonArray([.. v.ValueIds.Select(id => (JsonNode)id)]), ["values"] = new JsonArray([.. v.Values.Select(x => (JsonNode)x)]),
            })]),
        })]),
        ["price_on_property"] = new JsonArray([.. listing.PriceOnProperty.Select(p => (JsonNode)p)]),
        ["quantity_on_property"] = new JsonArray([.. listing.QuantityOnProperty.Select(p => (JsonNode)p)]),
        ["sku_on_property"] = new JsonArray([.. listing.SkuOnProperty.Select(p => (JsonNode)p)]),
        ["readiness_state_on_property"] = new JsonArray(),
    };

    public static JsonObject Money(decimal value) => new() { ["amount"] = (long)Math.Round(value * 100), ["divisor"] = 100, ["currency_code"] = "USD" };

    /// <summary>The site's root as the caller reached the emulator (<c>…/sandbox/etsy</c>), for listing and image addresses.</summary>
    public static string SiteRoot(HttpRequest request)
    {
        var path = request.PathBase + request.Path;
        var api = path.Value!.IndexOf("/openapi/", StringComparison.Ordinal);
        return $"{request.Scheme}://{request.Host}{(api >= 0 ? path.Value[..api] : "")}";
    }
}
