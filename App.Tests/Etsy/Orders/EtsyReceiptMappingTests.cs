using System.Text.Json;
using Marketplaces.Etsy.Orders;
using Marketplaces.Orders;

namespace Marketplaces.Tests.Etsy.Orders;

public sealed class EtsyReceiptMappingTests
{
    private static readonly Marketplaces.Catalog.CarrierCodes Carriers = Marketplaces.Catalog.MarketplaceCatalog.Load()["etsy"].Carriers;

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Theory]
    [InlineData("""{"amount":1999,"divisor":100,"currency_code":"USD"}""", "19.99", "USD")]
    [InlineData("""{"amount":1500,"divisor":1,"currency_code":"JPY"}""", "1500", "JPY")]
    [InlineData("""{"amount":12345,"divisor":1000,"currency_code":"KWD"}""", "12.345", "KWD")]
    [InlineData("""{"amount":-250,"divisor":100,"currency_code":"EUR"}""", "-2.50", "EUR")]
    [InlineData("""{"amount":700,"divisor":0,"currency_code":"GBP"}""", "700", "GBP")]
    public void Money_is_amount_over_divisor_in_its_currency(string money, string value, string currency)
    {
        var (amount, code) = EtsyReceiptMapping.Money(Json($$"""{"price":{{money}}}"""), "price");

        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), amount);
        Assert.Equal(currency, code);
    }

    [Fact]
    public void Missing_money_is_zero_without_a_currency()
    {
        Assert.Equal((0m, null), EtsyReceiptMapping.Money(Json("{}"), "grandtotal"));
    }

    [Fact]
    public void The_ship_by_date_is_the_earliest_expected_ship_date_of_the_transactions()
    {
        var order = EtsyReceiptMapping.ToMarketplaceOrder(Json("""
            {"receipt_id":1,"status":"paid","created_timestamp":1772359200,"updated_timestamp":1772359200,
             "transactions":[{"transaction_id":1,"quantity":1,"expected_ship_date":1772704800},{"transaction_id":2,"quantity":1,"expected_ship_date":1772618400},
                             {"transaction_id":3,"quantity":1,"expected_ship_date":null}]}
            """));

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1772618400), order.ShipBy);
    }

    [Fact]
    public void Timestamps_are_unix_seconds_in_utc()
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), EtsyReceiptMapping.Time(Json("""{"t":1772359200}"""), "t"));
        Assert.Throws<Marketplaces.Connections.MarketplaceException>(() => EtsyReceiptMapping.Time(Json("""{"t":"2026-03-01"}"""), "t"));
    }

    [Theory]
    [InlineData("paid", false, OrderStatus.Unfulfilled)]
    [InlineData("paid", true, OrderStatus.Fulfilled)]
    [InlineData("completed", false, OrderStatus.Fulfilled)]
    [InlineData("open", false, OrderStatus.Unfulfilled)]
    [InlineData("payment processing", false, OrderStatus.Unfulfilled)]
    [InlineData("partially refunded", true, OrderStatus.Fulfilled)]
    [InlineData("canceled", false, OrderStatus.Cancelled)]
    [InlineData("fully refunded", true, OrderStatus.Cancelled)]
    public void Receipt_status_and_is_shipped_give_the_unified_status(string status, bool shipped, OrderStatus expected)
    {
        Assert.Equal(expected, EtsyReceiptMapping.Status(status, shipped));
    }

    [Fact]
    public void A_receipt_maps_to_the_unified_model_with_unit_prices_ship_to_and_the_raw_json()
    {
        var json = Json("""
            {"receipt_id":2598717198,"status":"paid","is_shipped":false,"name":"Ada Lovelace","first_line":"1 Infinite Loop",
             "second_line":"Suite 2","city":"Cupertino","state":"CA","zip":"95014","country_iso":"US",
             "created_timestamp":1772359200,"updated_timestamp":1772364600,
             "grandtotal":{"amount":4450,"divisor":100,"currency_code":"USD"},
             "transactions":[{"transaction_id":3011223344,"title":"Ceramic mug","sku":"MUG-1","quantity":3,
                              "price":{"amount":1250,"divisor":100,"currency_code":"USD"}}]}
            """);

        var order = EtsyReceiptMapping.ToMarketplaceOrder(json);

        Assert.Equal("2598717198", order.ExternalId);
        Assert.Null(order.OrderNumber);
        Assert.Equal((OrderStatus.Unfulfilled, "paid"), (order.Status, order.MarketplaceStatus));
        Assert.Equal(("Ada Lovelace", "USD", 44.50m), (order.BuyerName, order.Currency, order.Total));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1772359200), order.CreatedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1772364600), order.UpdatedAt);
        Assert.Equal(new MarketplaceOrderLine("3011223344", "MUG-1", "Ceramic mug", 3, 12.50m, "USD"), order.Lines.Single());
        Assert.Equal(new PostalAddress("Ada Lovelace", "1 Infinite Loop", "Suite 2", "Cupertino", "CA", "95014", "US"), order.ShipTo);
        Assert.Equal(json.GetRawText(), order.RawPayload);
    }

    [Fact]
    public void Withheld_address_fields_stay_empty()
    {
        var order = EtsyReceiptMapping.ToMarketplaceOrder(Json("""
            {"receipt_id":1,"status":"paid","name":"Grace Hopper","first_line":null,"city":null,"zip":null,"country_iso":null,
             "created_timestamp":1772359200,"updated_timestamp":1772359200}
            """));

        Assert.Equal(new PostalAddress("Grace Hopper", null, null, null, null, null, null), order.ShipTo);
        Assert.Empty(order.Lines);
    }

    [Fact]
    public void The_receipts_query_is_the_sheets_with_a_stable_sort_and_seconds_rounded_down()
    {
        var since = new DateTimeOffset(2026, 3, 1, 10, 0, 0, 999, TimeSpan.Zero);

        Assert.Equal("/receipts?min_last_modified=1772359200&sort_on=receipt_id&sort_order=asc&limit=100&offset=200",
            EtsyOrdersFeed.ReceiptsQuery(since, 100, 200));
    }

    [Theory]
    [InlineData("USPS", "usps")]
    [InlineData("  ups ", "ups")]
    [InlineData("FedEx", "fedex")]
    [InlineData("Royal Mail", "royal-mail")]
    [InlineData("royal-mail", "royal-mail")]
    [InlineData("Canada Post", "canada-post")]
    [InlineData("Evri", "hermes")]
    [InlineData("Bob's Courier", "other")]
    public void The_carrier_becomes_etsys_carrier_name_or_other(string carrier, string expected)
    {
        Assert.Equal(expected, Carriers.For(carrier).Code);
    }

    [Fact]
    public void The_tracking_form_names_an_unknown_carrier_to_the_buyer()
    {
        Assert.Equal(new Dictionary<string, string> { ["tracking_code"] = "1Z999", ["carrier_name"] = "ups" },
            EtsyShipmentPusher.TrackingForm(Carriers, "UPS", "1Z999"));
        Assert.Equal(new Dictionary<string, string>
        {
            ["tracking_code"] = "AB123", ["carrier_name"] = "other", ["note_to_buyer"] = "Shipped with Bob's Courier, tracking number AB123.",
        }, EtsyShipmentPusher.TrackingForm(Carriers, "Bob's Courier", "AB123"));
    }
}
