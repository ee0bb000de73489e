using System.Text.Json;
using Marketplaces.Amazon.Orders;
using Marketplaces.Orders;
using Marketplaces.Orders.Shipping;

namespace Marketplaces.Tests.Amazon.Orders;

/// <summary>Mapping, URLs, page tokens and the confirmShipment body, without HTTP.</summary>
public sealed class AmazonOrderMappingTests
{
    private static readonly Marketplaces.Catalog.CarrierCodes Carriers = Marketplaces.Catalog.MarketplaceCatalog.Load()["amazon"].Carriers;

    // Cut from the searchOrders 200 example of orders_2026-01-01.json.
    private const string ModelExample = """
        {"orderId":"123-4567890-1234567","createdTime":"2024-12-25T10:30:00Z","lastUpdatedTime":"2024-12-25T14:45:00Z",
         "salesChannel":{"channelName":"AMAZON","marketplaceId":"ATVPDKIKX0DER","marketplaceName":"Amazon.com"},
         "buyer":{"buyerName":"John Smith","buyerEmail":"buyer-email@marketplace.amazon.com"},
         "recipient":{"deliveryAddress":{"name":"John Smith","companyName":"Smith Industries LLC","addressLine1":"123 Main Street","addressLine2":"Suite 456",
           "addressLine3":"","city":"Seattle","stateOrRegion":"WA","postalCode":"98101","countryCode":"US","phone":"555-123-4567","addressType":"COMMERCIAL"}},
         "proceeds":{"grandTotal":{"amount":"154.99","currencyCode":"USD"}},
         "fulfillment":{"fulfillmentStatus":"PARTIALLY_SHIPPED","fulfilledBy":"MERCHANT"},
         "orderItems":[
           {"orderItemId":"12345678901234","quantityOrdered":2,"product":{"asin":"B08N5WRWNW","title":"Echo Dot (4th Gen)","sellerSku":"ECHO-DOT-4-CHARCOAL",
             "price":{"unitPrice":{"amount":"49.99","currencyCode":"USD"}}}},
           {"orderItemId":"12345678901235","quantityOrdered":1,"product":{"asin":"B07XJ8C8F5","title":"Fire TV Stick 4K","sellerSku":"FIRE-TV-4K-2021",
             "price":{"unitPrice":{"amount":"49.99","currencyCode":"USD"}}}}]}
        """;

    [Fact]
    public void An_order_maps_with_its_items_as_lines_by_orderItemId_and_the_raw_json_kept()
    {
        var json = JsonDocument.Parse(ModelExample).RootElement;

        var order = AmazonOrderMapping.ToMarketplaceOrder(json);

        Assert.Equal(("123-4567890-1234567", OrderStatus.PartiallyFulfilled, "PARTIALLY_SHIPPED"), (order.ExternalId, order.Status, order.MarketplaceStatus));
        Assert.Equal(("John Smith", "USD", 154.99m), (order.BuyerName, order.Currency, order.Total));
        Assert.Equal((new DateTimeOffset(2024, 12, 25, 10, 30, 0, TimeSpan.Zero), new DateTimeOffset(2024, 12, 25, 14, 45, 0, TimeSpan.Zero)),
            (order.CreatedAt, order.UpdatedAt));
        Assert.Equal(new PostalAddress("John Smith", "123 Main Street", "Suite 456", "Seattle", "WA", "98101", "US", "555-123-4567"), order.ShipTo);
        Assert.Equal(
            [
                new MarketplaceOrderLine("12345678901234", "ECHO-DOT-4-CHARCOAL", "Echo Dot (4th Gen)", 2, 49.99m, "USD"),
                new MarketplaceOrderLine("12345678901235", "FIRE-TV-4K-2021", "Fire TV Stick 4K", 1, 49.99m, "USD"),
            ],
            order.Lines);
        Assert.Equal(json.GetRawText(), order.RawPayload);
        Assert.Null(order.OrderNumber);
        Assert.Null(order.ShipBy);
    }

    [Fact]
    public void The_ship_by_date_is_the_end_of_the_fulfillment_ship_by_window()
    {
        var order = AmazonOrderMapping.ToMarketplaceOrder(JsonDocument.Parse(ModelExample.Replace(
            "\"fulfilledBy\":\"MERCHANT\"}", "\"fulfilledBy\":\"MERCHANT\",\"shipByWindow\":{\"earliestDateTime\":\"2024-12-25T10:30:00Z\",\"latestDateTime\":\"2024-12-27T23:59:59Z\"}}")).RootElement);

        Assert.Equal(new DateTimeOffset(2024, 12, 27, 23, 59, 59, TimeSpan.Zero), order.ShipBy);
    }

    [Fact]
    public void Without_the_optional_datasets_the_total_is_the_items_and_the_buyer_unknown()
    {
        var json = JsonDocument.Parse("""
            {"orderId":"1","createdTime":"2026-01-01T00:00:00Z","lastUpdatedTime":"2026-01-01T00:00:00Z","salesChannel":{"channelName":"AMAZON"},
             "orderItems":[{"orderItemId":"9","quantityOrdered":3,"product":{"price":{"unitPrice":{"amount":"2.50","currencyCode":"EUR"}}}}]}
            """).RootElement;

        var order = AmazonOrderMapping.ToMarketplaceOrder(json);

        Assert.Equal((OrderStatus.Unfulfilled, "PENDING", null, "EUR", 7.50m), (order.Status, order.MarketplaceStatus, order.BuyerName, order.Currency, order.Total));
        Assert.Null(order.ShipTo);
    }

    [Theory]
    [InlineData("PENDING_AVAILABILITY", OrderStatus.Unfulfilled)]
    [InlineData("PENDING", OrderStatus.Unfulfilled)]
    [InlineData("UNSHIPPED", OrderStatus.Unfulfilled)]
    [InlineData("PARTIALLY_SHIPPED", OrderStatus.PartiallyFulfilled)]
    [InlineData("SHIPPED", OrderStatus.Fulfilled)]
    [InlineData("CANCELLED", OrderStatus.Cancelled)]
    [InlineData("UNFULFILLABLE", OrderStatus.Cancelled)]
    public void Every_fulfillment_status_of_the_model_has_a_unified_status(string fulfillmentStatus, OrderStatus expected) =>
        Assert.Equal(expected, AmazonOrderMapping.Status(fulfillmentStatus));

    [Fact]
    public void The_search_url_has_camel_case_parameters_comma_separated_lists_and_the_token_percent_encoded()
    {
        var first = AmazonOrdersFeed.SearchUrl("https://sellingpartnerapi-na.amazon.com/", ["ATVPDKIKX0DER", "A2EUQ1WTGCTBG2"], "2026-01-01T00:00:00Z", 100, null);
        var next = AmazonOrdersFeed.SearchUrl("https://sellingpartnerapi-na.amazon.com", ["ATVPDKIKX0DER"], "2026-01-01T00:00:00Z", 3, "2Yg+W5/=");

        Assert.Equal("https://sellingpartnerapi-na.amazon.com/orders/2026-01-01/orders?marketplaceIds=ATVPDKIKX0DER,A2EUQ1WTGCTBG2"
                     + "&lastUpdatedAfter=2026-01-01T00%3A00%3A00Z&maxResultsPerPage=100&includedData=BUYER,RECIPIENT,FULFILLMENT,PROCEEDS", first);
        Assert.EndsWith("&maxResultsPerPage=3&includedData=BUYER,RECIPIENT,FULFILLMENT,PROCEEDS&paginationToken=2Yg%2BW5%2F%3D", next);
    }

    [Fact]
    public void A_page_token_keeps_the_walks_filters_and_expires_before_amazons_24_hours()
    {
        var issued = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var token = new AmazonPageToken("amazon-next", ["ATVPDKIKX0DER"], "2026-02-28T00:00:00Z", issued);

        var read = AmazonPageToken.Read(token.Write())!;

        Assert.Equal((token.NextToken, token.LastUpdatedAfter, token.IssuedAt), (read.NextToken, read.LastUpdatedAfter, read.IssuedAt));
        Assert.Equal(token.MarketplaceIds, read.MarketplaceIds);
        Assert.False(read.Expired(issued.AddHours(22)));
        Assert.True(read.Expired(issued.AddHours(23)));
        Assert.Null(AmazonPageToken.Read("not a token"));
        Assert.Null(AmazonPageToken.Read(null));
    }

    [Theory]
    [InlineData("UPS", "UPS", null)]
    [InlineData(" fedex ", "FedEx", null)]
    [InlineData("Federal Express", "FedEx", null)]
    [InlineData("royal mail", "Royal Mail", null)]
    [InlineData("Speedy Couriers", "Other", "Speedy Couriers")]
    public void A_free_text_carrier_becomes_amazons_code_or_other_with_its_name(string carrier, string code, string? name)
    {
        var package = JsonSerializer.SerializeToElement(AmazonShipmentConfirmation.Body(Push(carrier), Carriers)).GetProperty("packageDetail");

        Assert.Equal(code, package.GetProperty("carrierCode").GetString());
        Assert.Equal(name, package.TryGetProperty("carrierName", out var sent) ? sent.GetString() : null);
    }

    /// <summary>Two Echo Dots of the model's example order, shipped with <paramref name="carrier"/>.</summary>
    private static ShipmentPush Push(string carrier)
    {
        var order = new Order
        {
            Marketplace = "amazon", ExternalId = "123-4567890-1234567", OrderNumber = "123-4567890-1234567", MarketplaceStatus = "UNSHIPPED",
            Currency = "USD", RawPayload = ModelExample, SearchText = "",
        };
        var line = new OrderLine { ExternalLineId = "12345678901234", Title = "Echo Dot", Quantity = 2, Currency = "USD" };
        return new ShipmentPush(Guid.NewGuid(), order, [new ShipmentPushLine(line, 2)], carrier, "BV-1",
            new DateTimeOffset(2026, 3, 1, 9, 30, 15, 500, TimeSpan.Zero), false);
    }

    [Fact]
    public void The_confirmation_names_the_orders_marketplace_a_numeric_package_id_and_every_item()
    {
        var push = Push("Bob's Vans");

        var body = JsonSerializer.SerializeToElement(AmazonShipmentConfirmation.Body(push, Carriers));

        Assert.Equal("ATVPDKIKX0DER", body.GetProperty("marketplaceId").GetString());
        var package = body.GetProperty("packageDetail");
        Assert.Matches("^[1-9][0-9]*$", package.GetProperty("packageReferenceId").GetString());
        Assert.Equal(AmazonShipmentConfirmation.PackageReferenceId(push.ShipmentId), package.GetProperty("packageReferenceId").GetString());
        Assert.Equal(("Other", "Bob's Vans", "BV-1", "2026-03-01T09:30:15Z"),
            (package.GetProperty("carrierCode").GetString(), package.GetProperty("carrierName").GetString(),
             package.GetProperty("trackingNumber").GetString(), package.GetProperty("shipDate").GetString()));
        Assert.Equal("""[{"orderItemId":"12345678901234","quantity":2}]""", package.GetProperty("orderItems").GetRawText());
        Assert.Equal("https://sellingpartnerapi-eu.amazon.com/orders/v0/orders/123-4567890-1234567/shipmentConfirmation",
            AmazonShipmentConfirmation.Url("https://sellingpartnerapi-eu.amazon.com/", push.Order.ExternalId));
    }
}
