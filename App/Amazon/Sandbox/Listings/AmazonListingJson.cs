using System.Globalization;
using System.Text.Json.Nodes;
using static Marketplaces.Amazon.Sandbox.Listings.AmazonListingChecks;

namespace Marketplaces.Amazon.Sandbox.Listings;

/// <summary>A listings item as getListingsItem and searchListingsItems answer it, by the includedData asked for (default summaries).</summary>
internal static class AmazonListingJson
{
    public static JsonObject Item(AmazonSandboxSellerListings seller, AmazonSandboxItem item, AmazonSandboxSubmission shown, ICollection<string> included)
    {
        var json = new JsonObject { ["sku"] = item.Sku };
        var attributes = shown.Attributes;
        var parent = Text(attributes["parentage_level"]?[0]?["value"]) == "parent";
        var errors = shown.Issues.Any(i => Text(i["severity"]) == "ERROR");
        var quantity = attributes["fulfillment_availability"]?[0]?["quantity"]?.GetValue<int>() ?? 0;
        var price = attributes["purchasable_offer"]?[0]?["our_price"]?[0]?["schedule"]?[0]?["value_with_tax"]?.GetValue<decimal>();
        if (included.Count == 0 || included.Contains("summaries"))
        {
            var status = new JsonArray();
            if (!errors && !parent) status.Add("DISCOVERABLE");
            if (!errors && !parent && quantity > 0 && price is not null) status.Add("BUYABLE");
            json["summaries"] = new JsonArray(new JsonObject
            {
                ["marketplaceId"] = item.MarketplaceId, ["asin"] = item.Asin, ["productType"] = shown.ProductType,
                ["conditionType"] = Text(attributes["condition_type"]?[0]?["value"]) ?? "new_new", ["status"] = status,
                ["itemName"] = Text(attributes["item_name"]?[0]?["value"]) ?? "",
                ["createdDate"] = Date(item.Created), ["lastUpdatedDate"] = Date(shown.Updated),
            });
        }
        if (included.Contains("attributes")) json["attributes"] = attributes.DeepClone();
        if (included.Contains("issues")) json["issues"] = new JsonArray([.. shown.Issues.Select(i => i.DeepClone())]);
        if (included.Contains("offers"))
            json["offers"] = price is { } amount
                ? new JsonArray(new JsonObject
                {
                    ["marketplaceId"] = item.MarketplaceId, ["offerType"] = "B2C",
                    ["price"] = new JsonObject { ["currencyCode"] = Text(attributes["purchasable_offer"]?[0]?["currency"]) ?? "USD", ["amount"] = amount.ToString("0.00", CultureInfo.InvariantCulture) },
                })
                : new JsonArray();
        if (included.Contains("fulfillmentAvailability"))
            json["fulfillmentAvailability"] = parent ? new JsonArray() : new JsonArray(new JsonObject { ["fulfillmentChannelCode"] = "DEFAULT", ["quantity"] = quantity });
        if (included.Contains("productTypes"))
            json["productTypes"] = new JsonArray(new JsonObject { ["marketplaceId"] = item.MarketplaceId, ["productType"] = shown.ProductType });
        if (included.Contains("relationships")) json["relationships"] = new JsonArray(new JsonObject { ["marketplaceId"] = item.MarketplaceId, ["relationships"] = Relationships(seller, item, shown) });
        return json;
    }

    private static JsonArray Relationships(AmazonSandboxSellerListings seller, AmazonSandboxItem item, AmazonSandboxSubmission shown)
    {
        if (Text(shown.Attributes["child_parent_sku_relationship"]?[0]?["parent_sku"]) is { } parentSku)
            return new JsonArray(new JsonObject { ["type"] = "VARIATION", ["parentSkus"] = new JsonArray(parentSku) });
        var children = seller.Items.Values.Where(i => Text(i.Current?.Attributes["child_parent_sku_relationship"]?[0]?["parent_sku"]) == item.Sku).Select(i => (JsonNode)i.Sku).ToArray();
        if (children.Length == 0) return new JsonArray();
        var theme = Text(shown.Attributes["variation_theme"]?[0]?["name"]) ?? "";
        return new JsonArray(new JsonObject
        {
            ["type"] = "VARIATION", ["childSkus"] = new JsonArray(children),
            ["variationTheme"] = new JsonObject { ["attributes"] = new JsonArray([.. theme.Split('/').Select(d => (JsonNode)d.ToLowerInvariant())]), ["theme"] = theme },
        });
    }

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
