using Marketplaces.Orders;
using Marketplaces.Orders.Listing;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplaces.Tests.Orders;

public sealed class OrderListUrlTests
{
    private static OrderListFilter RoundTrip(string url) =>
        OrderListUrl.Read(QueryHelpers.ParseQuery(new Uri("http://x" + url).Query).ToDictionary(q => q.Key, q => (string?)q.Value.LastOrDefault()));

    [Fact]
    public void Every_part_of_the_filter_comes_back_from_its_address()
    {
        var filter = new OrderListFilter("ebay", Guid.NewGuid(), OrderStatus.Fulfilled, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), "a&b c");

        Assert.Equal(filter, RoundTrip(OrderListUrl.For(filter)));
        Assert.Equal(new OrderListFilter("etsy", AwaitingShipment: true), RoundTrip(OrderListUrl.AwaitingShipment("etsy")));
        Assert.Equal("/orders?channel=etsy&status=awaiting-shipment", OrderListUrl.AwaitingShipment("etsy"));
        Assert.Equal("/orders", OrderListUrl.For(new OrderListFilter()));
    }

    [Theory]
    [InlineData("/orders?status=Shipped&from=yesterday&connection=42")]
    [InlineData("/orders?status=99&to=2026-13-40")]
    public void What_does_not_parse_is_left_out(string url) => Assert.Equal(new OrderListFilter(), RoundTrip(url));
}
