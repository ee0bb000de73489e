using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Marketplaces.Sandbox;
using static Marketplaces.Ebay.Sandbox.Listings.EbayInventoryCaller;

namespace Marketplaces.Ebay.Sandbox.Listings;

/// <summary>
/// eBay's listing side in the built-in sandbox: the Inventory API (items, groups, offers, locations), the Account API's
/// business policies and the Taxonomy API's category suggestions under the REST host (<c>{sandbox}/ebay/api</c>), and
/// the item page a listing id opens (<c>{sandbox}/ebay/itm/{listingId}</c>). Each seller's inventory is its own.
/// </summary>
public sealed class EbayListingsEmulator : ISandboxEmulator
{
    private readonly ConcurrentDictionary<string, EbaySandboxInventory> _inventories = new(StringComparer.Ordinal);

    public string MarketplaceId => EbayEmulator.Id;

    public EbaySandboxInventory Inventory(EbaySandboxAccount seller) => _inventories.GetOrAdd(seller.UserId, _ => new EbaySandboxInventory());

    public void Map(IEndpointRouteBuilder routes)
    {
        var restApi = ActivatorUtilities.CreateInstance<EbayRestApi>(routes.ServiceProvider);
        var caller = new EbayInventoryCaller(restApi, this);
        var items = new EbayInventoryItemEndpoints(caller);
        var offers = ActivatorUtilities.CreateInstance<EbayOfferEndpoints>(routes.ServiceProvider, caller,
            ActivatorUtilities.CreateInstance<EbayPublishChecks>(routes.ServiceProvider));
        var locations = new EbayLocationEndpoints(caller);
        var policies = new EbayPolicyEndpoints(caller);
        var taxonomy = new EbayTaxonomyEndpoints(restApi);

        const string inventory = "/api/sell/inventory/v1";
        routes.MapGet(inventory + "/inventory_item", items.ListItemsAsync);
        routes.MapPut(inventory + "/inventory_item/{sku}", items.PutItemAsync);
        routes.MapGet(inventory + "/inventory_item/{sku}", items.GetItemAsync);
        routes.MapDelete(inventory + "/inventory_item/{sku}", items.DeleteItemAsync);
        routes.MapPut(inventory + "/inventory_item_group/{key}", items.PutGroupAsync);
        routes.MapGet(inventory + "/inventory_item_group/{key}", items.GetGroupAsync);
        routes.MapPost(inventory + "/bulk_update_price_quantity", new EbayBulkPriceQuantityEndpoint(caller).UpdateAsync);
        routes.MapPost(inventory + "/offer", offers.CreateAsync);
        routes.MapGet(inventory + "/offer", offers.ListAsync);
        routes.MapPost(inventory + "/offer/publish_by_inventory_item_group", offers.PublishGroupAsync);
        routes.MapPost(inventory + "/offer/withdraw_by_inventory_item_group", offers.WithdrawGroupAsync);
        routes.MapGet(inventory + "/offer/{offerId}", offers.GetAsync);
        routes.MapPut(inventory + "/offer/{offerId}", offers.UpdateAsync);
        routes.MapPost(inventory + "/offer/{offerId}/publish", offers.PublishAsync);
        routes.MapPost(inventory + "/offer/{offerId}/withdraw", offers.WithdrawAsync);
        routes.MapPost(inventory + "/location/{key}", locations.CreateAsync);
        routes.MapGet(inventory + "/location", locations.ListAsync);

        routes.MapGet("/api/sell/account/v1/fulfillment_policy", policies.FulfillmentAsync);
        routes.MapGet("/api/sell/account/v1/payment_policy", policies.PaymentAsync);
        routes.MapGet("/api/sell/account/v1/return_policy", policies.ReturnAsync);

        routes.MapGet("/api/commerce/taxonomy/v1/get_default_category_tree_id", taxonomy.DefaultTreeAsync);
        routes.MapGet("/api/commerce/taxonomy/v1/category_tree/{treeId}/get_category_suggestions", taxonomy.SuggestionsAsync);
        routes.MapGet("/api/commerce/taxonomy/v1/category_tree/{treeId}/get_item_aspects_for_category", taxonomy.AspectsAsync);

        routes.MapGet("/itm/{listingId}", ItemPage);
    }

    /// <summary>The listing as a buyer sees it: title, and each SKU's price and quantity; an ended one says so.</summary>
    private IResult ItemPage(string listingId)
    {
        foreach (var inventory in _inventories.Values)
        {
            lock (inventory.Gate)
            {
                var offers = inventory.Offers.Values.Where(o => o.ListingId == listingId).ToList();
                if (offers.Count == 0) continue;
                var group = inventory.Groups.Values.FirstOrDefault(g => g["variantSKUs"] is JsonArray skus && offers.All(o => skus.Any(s => s?.GetValue<string>() == o.Sku)) && offers.Count > 1);
                var title = Text(group?["title"]) ?? Text(inventory.Items.GetValueOrDefault(offers[0].Sku)?["product"]?["title"]) ?? "";
                var live = offers.Any(o => o.Published);
                var rows = string.Concat(offers.Select(o =>
                {
                    var item = inventory.Items.GetValueOrDefault(o.Sku);
                    var aspects = group?["variesBy"]?["specifications"] is JsonArray specs
                        ? string.Join(" / ", specs.Select(s => Text(item?["product"]?["aspects"]?[Text(s!["name"])!]?[0]) ?? "")) : "";
                    var quantity = Integer(o.Body["availableQuantity"], out _) ?? Integer(item?["availability"]?["shipToLocationAvailability"]?["quantity"], out _) ?? 0;
                    return $"<tr data-sku=\"{Encode(o.Sku)}\"><td>{Encode(aspects)}</td><td class=\"price\">{Encode(Text(o.Body["pricingSummary"]?["price"]?["value"]))}</td><td class=\"quantity\">{quantity}</td></tr>";
                }));
                return Html($"<h1 class=\"x-item-title\">{Encode(title)}</h1><p class=\"status\">{(live ? "Active" : "This listing was ended by the seller.")}</p>"
                            + $"<table class=\"offers\">{rows}</table>", 200, title);
            }
        }
        return Html("<h1>We looked everywhere.</h1><p>Looks like this page doesn't exist.</p>", 404, "eBay");
    }

    private static IResult Html(string body, int status, string title) => Results.Content(
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{Encode(title)} | eBay</title></head><body>{body}</body></html>",
        "text/html; charset=utf-8", statusCode: status);

    private static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");
}
