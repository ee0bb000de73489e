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
    public void The_ship_to_address_comes_from_the_first_shipping_step()
    {
        var json = JsonDocument.Parse("""
            {"orderId":"1","creationDate":"2026-03-01T10:00:00.000Z","lastModifiedDate":"2026-03-01T10:00:00.000Z",
             "fulfillmentStartInstructions":[{"shippingStep":{"shipTo":{"fullName":"Ada Lovelace",
               "contactAddress":{"addressLine1":"221B Baker Street","addressLine2":"Flat 2","city":"London","postalCode":"NW1 6XE","countryCode":"GB"},
               "primaryPhone":{"phoneNumber":"+44 20 7946 0000"},"email":"ada@example.com"}}}]}
            """).RootElement;

        var shipTo = EbayOrderMapping.ToMarketplaceOrder(json).ShipTo;

        Assert.Equal(new PostalAddress("Ada Lovelace", "221B Baker Street", "Flat 2", "London", null, "NW1 6XE", "GB", "+44 20 7946 0000"), shipTo);
    }

    [Fact]
    public void An_order_without_a_shipping_step_has_no_ship_to()
    {
        var json = JsonDocument.Parse("""
            {"orderId":"1","creationDate":"2026-03-01T10:00:00.000Z","lastModifiedDate":"2026-03-01T10:00:00.000Z",
             "fulfillmentStartInstructions":[{"fulfillmentInstructionsType":"PREPARE_FOR_PICKUP"}]}
            """).RootElement;

        Assert.Null(EbayOrderMapping.ToMarketplaceOrder(json).ShipTo);
    }

    [Fact]
    public void Order_ids_have_ebays_shape_and_are_the_same_for_the_same_seller()
    {
        var seller = EbaySandboxAccount.FromName("seed-seller").UserId;

        Assert.Matches(@"^\d{2}-\d{5}-00001$", EbayOrdersEmulator.OrderId(seller, 1));
        Assert.Equal(EbayOrdersEmulator.OrderId(seller, 7), EbayOrdersEmulator.OrderId(seller, 7));
        Assert.NotEqual(EbayOrdersEmulator.OrderId(seller, 1), EbayOrdersEmulator.OrderId(EbaySandboxAccount.FromName("other-seller").UserId, 1));
    }
}
