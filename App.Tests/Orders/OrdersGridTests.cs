using Bunit;
using Marketplaces.Orders;
using Marketplaces.Orders.Listing;
using Marketplaces.Tests.Infrastructure;
using MudBlazor;

namespace Marketplaces.Tests.Orders;

/// <summary>The orders list's grid asks the server for each page, sort and filter, and sums per currency what matches.</summary>
public sealed class OrdersGridTests(OrderListFixture app) : MudComponentTest(app.Services), IClassFixture<OrderListFixture>
{
    private IRenderedComponent<OrdersPage> RenderList()
    {
        SignIn(TestUsers.OwnerEmail);
        Render<MudPopoverProvider>();
        var list = Render<OrdersPage>();
        list.WaitForState(() => list.FindAll(".orders-grid .order-link").Count == 25, TimeSpan.FromSeconds(15));
        return list;
    }

    private static List<string> Numbers(IRenderedComponent<OrdersPage> list) => list.FindAll(".orders-grid .order-link").Select(a => a.TextContent).ToList();

    private static Task WaitForFirstAsync(IRenderedComponent<OrdersPage> list, string number) =>
        Task.Run(() => list.WaitForAssertion(() => Assert.Equal(number, Numbers(list).FirstOrDefault()), TimeSpan.FromSeconds(15)));

    [Fact]
    public void The_first_page_shows_the_newest_25_and_the_totals_of_all_60_per_currency()
    {
        var list = RenderList();

        Assert.Equal("E-040", Numbers(list)[0]);
        Assert.Equal("60 orders", list.Find(".order-count").TextContent);
        Assert.Equal([$" · {OrderMoney.Format(839.60m, "USD")} in 40 orders", $" · {OrderMoney.Format(219.80m, "EUR")} in 20 orders"],
            list.FindAll(".currency-total").Select(t => t.TextContent));
    }

    [Fact]
    public async Task Sorting_by_order_number_and_paging_ask_the_server_for_that_page()
    {
        var list = RenderList();
        var grid = list.FindComponent<MudDataGrid<OrderRow>>();

        await list.InvokeAsync(() => grid.Instance.SetSortAsync("OrderNumber", SortDirection.Ascending, r => r.OrderNumber));
        await WaitForFirstAsync(list, "E-001");
        await list.InvokeAsync(() => grid.Instance.NavigateTo(Page.Next));
        await WaitForFirstAsync(list, "E-026");
        await list.InvokeAsync(() => grid.Instance.NavigateTo(Page.Last));

        await WaitForFirstAsync(list, "T-011");
        Assert.Equal(10, Numbers(list).Count);
    }

    [Fact]
    public async Task Choosing_a_channel_narrows_the_rows_the_count_and_the_totals()
    {
        var list = RenderList();
        var channel = list.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Channel");

        await list.InvokeAsync(() => channel.Instance.ValueChanged.InvokeAsync("etsy"));

        await WaitForFirstAsync(list, "T-020");
        Assert.Equal("20 orders", list.Find(".order-count").TextContent);
        Assert.Equal([$" · {OrderMoney.Format(219.80m, "EUR")} in 20 orders"], list.FindAll(".currency-total").Select(t => t.TextContent));
    }
}
