using System.Text.RegularExpressions;
using Marketplaces.Database;
using Marketplaces.Ebay.Sandbox;
using Marketplaces.Ebay.Sandbox.Orders;
using Marketplaces.Orders;
using Marketplaces.Orders.Listing;
using Marketplaces.Polling;
using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Orders;
using Marketplaces.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplaces.Tests.Orders;

/// <summary>The browser and the app with the poll job paused: each test syncs when it wants orders to arrive.</summary>
public sealed class OrdersBrowserFixture : BrowserFixture
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await this.EnsureOwnerAsync();
        this.StopScheduledPolling();
    }

    public async Task<(Guid Connection, SandboxOrderBook Book)> ConnectEbayAsync(string seller) =>
        (await SandboxAccounts.ConnectAsync(this, "ebay", seller),
         Services.GetServices<ISandboxEmulator>().OfType<EbayOrdersEmulator>().Single().Book(EbaySandboxAccount.FromName(seller)));

    public Task<SyncOutcome> SyncAsync(Guid connection) => Services.GetRequiredService<FeedEngine>().SyncAsync(connection, FeedNames.Orders, "test");

    public async Task<Order> StoredAsync(Guid connection, string externalId)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<Order>().Include(o => o.Lines).SingleAsync(o => o.ConnectionId == connection && o.ExternalId == externalId);
    }
}

public sealed partial class OrdersBrowserTests(OrdersBrowserFixture app) : IClassFixture<OrdersBrowserFixture>
{
    [Fact]
    public async Task The_dashboards_awaiting_shipment_count_opens_the_list_of_its_channel_awaiting_shipment_with_the_filter_in_the_address()
    {
        var (ebay, book) = await app.ConnectEbayAsync("awaiting-browser-ebay");
        book.AddMany(3);
        var etsy = await SandboxAccounts.ConnectAsync(app, "etsy", "awaiting-browser-etsy");
        await app.SyncAsync(ebay);
        await app.SyncAsync(etsy);
        var awaiting = (await app.Services.GetRequiredService<OrderQueries>()
            .PageAsync(new(Marketplace: "ebay", AwaitingShipment: true), OrderSort.Newest, 0, 1)).Count;
        var page = await app.SignedInPageAsync();

        var count = page.Locator(".channel-figure[data-marketplace=ebay] .orders-awaiting a");
        await Expect(count).ToHaveTextAsync(awaiting.ToString());
        // Revenue beside the counts, per currency, and a row for all channels together.
        await Expect(page.Locator(".channel-figure[data-marketplace=ebay] .revenue-30d")).ToHaveTextAsync(new Regex(@"^[\d,]+\.\d\d USD"));
        var figures = await app.Services.GetRequiredService<Marketplaces.Orders.Figures.OrderFigures>().LoadAsync();
        await Expect(page.Locator(".channel-totals .orders-30d")).ToHaveTextAsync(figures.Totals.Last30Days.ToString());
        await Expect(page.Locator(".channel-totals .orders-awaiting a")).ToHaveTextAsync(figures.Totals.AwaitingShipment.ToString());
        await count.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/orders\?channel=ebay&status=awaiting-shipment$"));
        await Expect(page.Locator(".order-count")).ToHaveTextAsync($"{awaiting} orders");
        await Expect(page.Locator(".status-filter input")).ToHaveValueAsync("Awaiting shipment");
        foreach (var channel in await page.Locator(".orders-grid .order-channel").AllTextContentsAsync()) Assert.Equal("eBay", channel);

        // The address is the list: opened again (bookmarked, shared), it shows the same; changing the filter changes it.
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator(".order-count")).ToHaveTextAsync($"{awaiting} orders");
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/orders$"));
    }

    [Fact]
    public async Task The_orders_list_pages_filters_by_channel_and_status_and_searches()
    {
        var (ebay, ebayBook) = await app.ConnectEbayAsync("list-browser-ebay");
        ebayBook.AddMany(30);
        var etsy = await SandboxAccounts.ConnectAsync(app, "etsy", "list-browser-etsy");
        await SandboxAccounts.ConnectAsync(app, "tiktok", "list-browser-tiktok");
        await app.SyncAsync(ebay);
        await app.SyncAsync(etsy);
        var ebayCount = (await app.Services.GetRequiredService<OrderQueries>().PageAsync(new(Marketplace: "ebay"), OrderSort.Newest, 0, 1)).Count;
        var page = await app.SignedInPageAsync();
        await page.GotoAsync("/orders");
        await page.WaitForInteractiveAsync();
        var grid = page.Locator(".orders-grid");
        await Expect(grid.Locator("tbody tr")).ToHaveCountAsync(25);
        var total = await page.Locator(".order-count").TextContentAsync();
        var all = int.Parse(total!.Split(' ')[0]);
        Assert.True(all > ebayCount, total);

        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Go to next page|^Next") }).First.ClickAsync();
        await Expect(grid.Locator("tbody tr")).ToHaveCountAsync(Math.Min(25, all - 25));

        await page.GetByLabel("Channel").ClickAsync();
        // TikTok is connected but has no orders: it is not offered as a channel.
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = "eBay", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = "TikTok", Exact = true })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Option, new() { Name = "eBay", Exact = true }).ClickAsync();
        await Expect(page.Locator(".order-count")).ToHaveTextAsync($"{ebayCount} orders");
        await Expect(grid.Locator(".order-channel").First).ToHaveTextAsync("eBay");

        var wanted = ebayBook.List()[^1];
        await page.GetByLabel("Search orders").FillAsync(wanted.Id);
        await page.GetByLabel("Search orders").PressAsync("Enter");
        await Expect(page.Locator(".order-count")).ToHaveTextAsync("1 order");
        await Expect(grid.Locator(".order-link")).ToHaveTextAsync(wanted.Id);

        await page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" }).ClickAsync();
        await Expect(page.Locator(".order-count")).ToHaveTextAsync($"{all} orders");
        await page.GetByLabel("Status").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Shipped", Exact = true }).ClickAsync();
        await Expect(grid.Locator(".order-status").First).ToHaveTextAsync("Shipped");
        Assert.True(int.Parse((await page.Locator(".order-count").TextContentAsync())!.Split(' ')[0]) < all);
    }

    [Fact]
    public async Task An_order_placed_while_the_list_is_open_appears_without_a_reload_and_counts_on_the_dashboard()
    {
        var (connection, book) = await app.ConnectEbayAsync("live-browser-ebay");
        await app.SyncAsync(connection);
        var page = await app.SignedInPageAsync();
        await page.GotoAsync("/orders");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator(".orders-grid tbody tr").First).ToBeVisibleAsync();

        var placed = book.Add();
        await app.SyncAsync(connection);

        await Expect(page.Locator(".orders-grid .order-link", new() { HasText = placed.Id })).ToBeVisibleAsync();

        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();
        var ebayFigures = page.Locator(".channel-figure[data-marketplace=ebay]");
        await Expect(ebayFigures.Locator(".orders-today")).Not.ToHaveTextAsync("0");
        await Expect(page.Locator(".orders-chart")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Marking_shipped_on_the_order_page_pushes_to_ebay_and_shows_the_tracking()
    {
        var (connection, book) = await app.ConnectEbayAsync("ship-browser-ebay");
        var sold = book.Add();
        await app.SyncAsync(connection);
        var order = await app.StoredAsync(connection, sold.Id);
        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/orders/{order.Id}");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator(".order-number")).ToContainTextAsync(sold.Id);
        await Expect(page.Locator(".ship-to")).ToContainTextAsync(sold.ShipTo.City);

        await page.Locator(".ship-carrier input").FillAsync("UPS");
        await page.GetByLabel("Tracking number").FillAsync("1Z999AA10123456784");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark shipped" }).ClickAsync();

        await Expect(page.Locator(".ship-result")).ToContainTextAsync("pushed to eBay");
        await Expect(page.Locator(".shipment .shipment-tracking")).ToHaveTextAsync("1Z999AA10123456784");
        await Expect(page.Locator(".shipment .shipment-state-cell")).ToHaveAttributeAsync("data-state", "Pushed");
        await Expect(page.Locator(".order-event[data-kind=ShipmentPushed]")).ToBeVisibleAsync();
        // Accepted, but eBay's own status follows only with the next poll: the page says it awaits eBay, then that eBay confirmed.
        await Expect(page.Locator(".awaiting-marketplace")).ToHaveTextAsync("Awaiting eBay");
        await Expect(page.Locator(".shipment .shipment-state")).ToContainTextAsync("awaiting eBay");
        await Expect(page.Locator(".marketplace-status")).ToHaveTextAsync("NOT_STARTED");
        await app.SyncAsync(connection);
        await Expect(page.Locator(".shipment .shipment-state-cell")).ToHaveAttributeAsync("data-confirmed", "true");
        await Expect(page.Locator(".shipment .shipment-state")).ToContainTextAsync("Confirmed by eBay");
        await Expect(page.Locator(".awaiting-marketplace")).ToHaveCountAsync(0);
        await Expect(page.Locator(".marketplace-status")).ToHaveTextAsync("FULFILLED");
        var shipment = Assert.Single(book.Find(sold.Id)!.Shipments);
        Assert.Equal("1Z999AA10123456784", shipment.TrackingNumber);
        Assert.Equal(sold.Lines.Sum(l => l.Quantity), shipment.Lines.Sum(l => l.Quantity));
    }

    [Fact]
    public async Task A_csv_is_checked_in_the_preview_skips_shipped_orders_and_reports_the_rows_it_could_not_ship()
    {
        var (connection, book) = await app.ConnectEbayAsync("csv-browser-ebay");
        var sold = book.Add();
        var shipped = book.Add();
        await app.SyncAsync(connection);
        await app.Services.GetRequiredService<Marketplaces.Orders.Shipping.ShipmentPushes>().MarkShippedAsync((await app.StoredAsync(connection, shipped.Id)).Id,
            new("UPS", "1Z999AA10123456784", DateOnly.FromDateTime(DateTime.UtcNow), []), "test");
        var page = await app.SignedInPageAsync();
        await page.GotoAsync("/orders/ship-csv");
        await page.WaitForInteractiveAsync();

        await page.ChooseFileAsync(new FilePayload
        {
            Name = "shipped.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes(
                $"order,carrier,tracking\n{sold.Id},USPS,9400100000000000000001\nNO-SUCH-ORDER,UPS,1Z1\n{sold.Id},,X\n{shipped.Id},DHL,JD014600006281230701"),
        });

        // The preview checks each row against the orders before anything is pushed.
        await Expect(page.Locator(".csv-row")).ToHaveCountAsync(4);
        await Expect(page.Locator(".csv-check")).ToHaveTextAsync("1 ready, 1 skipped, 2 not");
        await Expect(page.Locator(".csv-row[data-line='2']")).ToHaveAttributeAsync("data-outcome", "ready");
        await Expect(page.Locator(".csv-row[data-line='3']")).ToHaveAttributeAsync("data-outcome", "invalid");
        await Expect(page.Locator(".csv-row[data-line='3'] .csv-outcome")).ToHaveTextAsync("No order NO-SUCH-ORDER was found.");
        await Expect(page.Locator(".csv-row[data-line='4'] .csv-outcome")).ToHaveTextAsync("The carrier is missing.");
        await Expect(page.Locator(".csv-row[data-line='5']")).ToHaveAttributeAsync("data-outcome", "skipped");
        await Expect(page.Locator(".csv-row[data-line='5'] .csv-outcome")).ToHaveTextAsync("Already shipped on eBay: skipped.");
        var highlighted = await page.Locator(".csv-row[data-line='3'] td").First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.NotEqual(await page.Locator(".csv-row[data-line='2'] td").First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"), highlighted);

        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Mark 1 shipped") }).ClickAsync();

        await Expect(page.Locator(".csv-summary")).ToHaveTextAsync("1 shipped, 1 skipped, 2 not");
        await Expect(page.Locator(".csv-row[data-line='2']")).ToHaveAttributeAsync("data-outcome", "shipped");
        await Expect(page.Locator(".csv-row[data-line='3']")).ToHaveAttributeAsync("data-outcome", "failed");
        Assert.Equal("9400100000000000000001", Assert.Single(book.Find(sold.Id)!.Shipments).TrackingNumber);
        Assert.Single(book.Find(shipped.Id)!.Shipments);
    }

    [Fact]
    public async Task Disconnecting_says_what_happens_to_the_orders_keeps_them_in_the_list_and_deletes_them_only_when_asked()
    {
        var (connection, book) = await app.ConnectEbayAsync("disconnect-browser-ebay");
        book.AddMany(2);
        await app.SyncAsync(connection);
        var stored = (await app.Services.GetRequiredService<OrderQueries>().PageAsync(new(ConnectionId: connection), OrderSort.Newest, 0, 1)).Count;
        var account = (await app.Services.GetRequiredService<Marketplaces.Connections.ConnectionStore>().FindAsync(connection))!;
        var page = await app.SignedInPageAsync();
        var card = page.GetByLabel("eBay", new() { Exact = true });

        await card.Locator($".connection[data-account='{account.AccountId}']").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Disconnect") }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.Locator(".orders-fate")).ToContainTextAsync($"Its {stored} orders stay in the orders list");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Disconnect", Exact = true }).ClickAsync();

        await Expect(card.Locator(".card-notice")).ToContainTextAsync($"its {stored} orders are kept");
        var kept = card.Locator($".disconnected-account[data-account='{account.AccountId}']");
        await Expect(kept.Locator(".kept-orders")).ToHaveTextAsync($"{stored} orders kept");
        await kept.Locator(".kept-orders").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($@"/orders\?channel=ebay&connection={connection}$"));
        await Expect(page.Locator(".order-count")).ToHaveTextAsync($"{stored} orders");

        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();
        await kept.GetByRole(AriaRole.Button, new() { Name = $"Delete the orders of {account.DisplayName}" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete orders" }).ClickAsync();
        await Expect(card.Locator(".card-notice")).ToContainTextAsync($"Deleted {account.DisplayName}'s {stored} orders");
        await Expect(kept).ToHaveCountAsync(0);
        Assert.Equal(0, (await app.Services.GetRequiredService<OrderQueries>().PageAsync(new(ConnectionId: connection), OrderSort.Newest, 0, 1)).Count);
    }

    [Fact]
    public async Task The_list_shows_items_destination_and_ship_by_and_ships_a_selection_together()
    {
        var (connection, book) = await app.ConnectEbayAsync("bulk-browser-ebay");
        var sold = book.AddMany(2);
        await app.SyncAsync(connection);
        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/orders?connection={connection}&status=awaiting-shipment");
        await page.WaitForInteractiveAsync();
        var rows = page.Locator(".orders-grid tbody tr", new() { HasText = sold[0].Id });
        var first = rows.First;
        await Expect(first.Locator(".order-items")).ToContainTextAsync($"{sold[0].Lines[0].Sku} × {sold[0].Lines[0].Quantity}");
        await Expect(first.Locator(".order-country")).ToHaveTextAsync(sold[0].ShipTo.CountryCode);
        await Expect(first.Locator(".order-ship-by")).ToHaveTextAsync(new Regex(@"^\d{4}-\d\d-\d\d$"));

        foreach (var order in sold)
            await page.Locator(".orders-grid tbody tr", new() { HasText = order.Id }).Locator("input[type=checkbox]").CheckAsync();
        await Expect(page.Locator(".selection-count")).ToHaveTextAsync("2 orders selected");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark shipped" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator(".ship-carrier input").FillAsync("USPS");
        await dialog.GetByLabel($"Tracking number for {sold[0].Id}").FillAsync("9400100000000000000101");
        await dialog.GetByLabel($"Tracking number for {sold[1].Id}").FillAsync("9400100000000000000102");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Mark 2 shipped" }).ClickAsync();

        await Expect(dialog.Locator(".bulk-summary")).ToHaveTextAsync("2 shipped, 0 not");
        await Expect(dialog.Locator($".bulk-ship-order[data-order='{sold[1].Id}']")).ToHaveAttributeAsync("data-outcome", "shipped");
        Assert.Equal("9400100000000000000101", Assert.Single(book.Find(sold[0].Id)!.Shipments).TrackingNumber);
        Assert.Equal("9400100000000000000102", Assert.Single(book.Find(sold[1].Id)!.Shipments).TrackingNumber);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Expect(page.Locator(".orders-grid tbody tr", new() { HasText = sold[0].Id })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_filtered_list_exports_as_csv_and_a_selection_prints_as_packing_slips()
    {
        var (connection, book) = await app.ConnectEbayAsync("export-browser-ebay");
        var sold = book.AddMany(2);
        await app.SyncAsync(connection);
        var count = (await app.Services.GetRequiredService<OrderQueries>().PageAsync(new(ConnectionId: connection), OrderSort.Newest, 0, 1)).Count;
        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/orders?connection={connection}");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator(".order-count")).ToHaveTextAsync($"{count} orders");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(".export-csv").ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var csv = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Created (UTC),Channel,Connection,Order,Buyer,Status", csv[0]);
        Assert.Equal(count + 1, csv.Length);
        Assert.Contains(csv, line => line.Contains(sold[0].Id) && line.Contains($"{sold[0].Lines[0].Sku} x {sold[0].Lines[0].Quantity}"));

        foreach (var order in sold)
            await page.Locator(".orders-grid tbody tr", new() { HasText = order.Id }).Locator("input[type=checkbox]").CheckAsync();
        var slips = await page.Context.RunAndWaitForPageAsync(() => page.Locator(".packing-slips-selected").ClickAsync());
        await Expect(slips.Locator(".packing-slip")).ToHaveCountAsync(2);
        var slip = slips.Locator($".packing-slip[data-order='{sold[0].Id}']");
        await Expect(slip).ToContainTextAsync(sold[0].ShipTo.City);
        await Expect(slip).ToContainTextAsync(sold[0].Lines[0].Title);
        await Expect(slip).Not.ToContainTextAsync("USD");
        await Expect(slips.GetByRole(AriaRole.Button, new() { Name = "Print 2 slips" })).ToBeVisibleAsync();
        await slips.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(slips.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Expect(slips.Locator(".print-button")).ToBeHiddenAsync();
    }
}
