using System.Text.Json;
using Marketplaces.Ebay.Orders;
using Marketplaces.Ebay.Sandbox;
using Marketplaces.Ebay.Sandbox.Orders;
using Marketplaces.Orders;

namespace Marketplaces.Tests.Ebay.Orders;

public sealed class EbayOrdersFeedTests
{
    [Fact]
    public void The_first_page_url_is_the_sheets_example()
    {
        var url = EbayOrdersFeed.FirstPage("https://api.ebay.com", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), 50);

        Assert.Equal("https://api.ebay.com/sell/fulfillment/v1/order?filter=lastmodifieddate:%5B2026-01-01T00:00:00.000Z..%5D&limit=50&offset=0", url);
        Assert.Equal(url, new Uri(url).AbsoluteUri);
    }

    [Fact]
    public void An_order_maps_to_the_unified_model_with_unit_prices_and_the_raw_json()
    {
        var json = JsonDocument.Parse("""
            {"orderId":"12-34567-00001","creationDate":"2026-03-01T10:00:00.000Z","lastModifiedDate":"2026-03-02T11:30:00.250Z",
             "orderFulfillmentStatus":"IN_PROGRESS","buyer":{"username":"buyer_1"},"cancelStatus":{"cancelState":"NONE_REQUESTED"},
             "pricingSummary":{"total":{"value":"31.50","currency":"GBP"}},
             "lineItems":[{"lineItemId":"100","sku":"MUG-1","title":"Mug","quantity":3,"lineItemCost":{"value":"28.50","currency":"GBP"}}]}
            """).RootElement;

        var order = EbayOrderMapping.ToMarketplaceOrder(json);

        Assert.Equal("12-34567-00001", order.ExternalId);
        Assert.Equal(OrderStatus.PartiallyFulfilled, order.Status);
        Assert.Equal("IN_PROGRESS", order.MarketplaceStatus);
        Assert.Equal(("buyer_1", "GBP", 31.50m), (order.BuyerName, order.Currency, order.Total));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 11, 30, 0, 250, TimeSpan.Zero), order.UpdatedAt);
        Assert.Equal(new MarketplaceOrderLine("100", "MUG-1", "Mug", 3, 9.50m, "GBP"), order.Lines.Single());
        Assert.Equal(json.GetRawText(), order.RawPayload);
    }

    [Fact]
    public void A_cancelled_order_is_cancelled_whatever_its_fulfillment()
    {
        var json = JsonDocument.Parse("""
            {"orderId":"1","creationDate":"2026-03-01T10:00:00.000Z","lastModifiedDate":"2026-03-01T10:00:00.000Z",
             "orderFulfillmentStatus":"NOT_STARTED","cancelStatus":{"cancelState":"CANCELED"}}
            """).RootElement;

        Assert.Equal(OrderStatus.Cancelled, EbayOrderMapping.ToMarketplaceOrder(json).Status);
    }

    [Fact]
    public void The_same_seller_always_starts_with_the_same_orders_and_two_sellers_differ()
    {
        var anchor = DateTimeOffset.UtcNow;
        var seller = EbaySandboxAccount.FromName("seed-seller").UserId;
        string Fingerprint(IEnumerable<EbaySandboxOrder> orders) =>
            string.Join(";", orders.Select(o => $"{o.OrderId}/{o.BuyerUsername}/{o.Total}/{string.Join(",", o.LineItems.Select(l => $"{l.Sku}x{l.Quantity}"))}"));

        Assert.Equal(Fingerprint(SellerOrderSeed.Initial(seller, anchor)), Fingerprint(SellerOrderSeed.Initial(seller, anchor.AddDays(-3))));
        Assert.NotEqual(Fingerprint(SellerOrderSeed.Initial(seller, anchor)),
            Fingerprint(SellerOrderSeed.Initial(EbaySandboxAccount.FromName("other-seller").UserId, anchor)));
    }
}
