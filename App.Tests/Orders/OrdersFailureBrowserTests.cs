using System.Text.RegularExpressions;
using Marketplaces.Orders;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplaces.Tests.Orders;

/// <summary>
/// The orders list's "Mark shipped" and the shipping CSV with a failing backend: eBay refuses the connection's tokens
/// (the seller withdrew the grant). Each order says so in words, nothing is marked shipped, and the page keeps working
/// (issue 11). Part of <see cref="OrdersBrowserTests"/>, whose app and browser it shares.
/// </summary>
public sealed partial class OrdersBrowserTests
{
    private const string Refusal = "eBay no longer accepts this authorization";

    [Fact]
    public async Task Shipping_a_selection_eBay_refuses_says_why_per_order_and_leaves_them_awaiting_shipment()
    {
        var (connection, book) = await app.ConnectEbayAsync("bulk-withdrawn-ebay");
        var sold = book.Add();
        await app.SyncAsync(connection);
        await WithdrawnGrants.WithdrawAsync(app, "ebay", connection);
        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/orders?connection={connection}&status=awaiting-shipment");
        await page.WaitForInteractiveAsync();

        await page.Locator(".orders-grid tbody tr", new() { HasText = sold.Id }).Locator("input[type=checkbox]").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark shipped" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator(".ship-carrier input").FillAsync("USPS");
        await dialog.GetByLabel($"Tracking number for {sold.Id}").FillAsync("9400100000000000000201");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Mark 1 shipped" }).ClickAsync();

        var row = dialog.Locator($".bulk-ship-order[data-order='{sold.Id}']");
        await Expect(row).ToHaveAttributeAsync("data-outcome", "failed");
        await Expect(row.Locator(".bulk-outcome")).ToContainTextAsync(Refusal);
        await Expect(dialog.Locator(".bulk-summary")).ToHaveTextAsync("0 shipped, 1 not");
        await Expect(dialog.GetByLabel($"Tracking number for {sold.Id}")).ToHaveValueAsync("9400100000000000000201");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Mark 1 shipped" })).ToBeEnabledAsync();
        Assert.Empty(book.Find(sold.Id)!.Shipments);

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Expect(page.Locator(".orders-grid tbody tr", new() { HasText = sold.Id })).ToHaveCountAsync(1);
        Assert.Equal(OrderStatus.Unfulfilled, (await app.StoredAsync(connection, sold.Id)).Status);
    }

    [Fact]
    public async Task A_csv_row_eBay_refuses_says_why_and_the_other_rows_are_reported()
    {
        var (connection, book) = await app.ConnectEbayAsync("csv-withdrawn-ebay");
        var sold = book.Add();
        await app.SyncAsync(connection);
        await WithdrawnGrants.WithdrawAsync(app, "ebay", connection);
        var page = await app.SignedInPageAsync();
        await page.GotoAsync("/orders/ship-csv");
        await page.WaitForInteractiveAsync();

        await page.ChooseFileAsync(new FilePayload
        {
            Name = "shipped.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes($"order,carrier,tracking\n{sold.Id},USPS,9400100000000000000202\nNO-SUCH-ORDER,UPS,1Z1"),
        });
        await Expect(page.Locator(".csv-check")).ToHaveTextAsync("1 ready, 1 not");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Mark 1 shipped") }).ClickAsync();

        await Expect(page.Locator(".csv-summary")).ToHaveTextAsync("0 shipped, 2 not");
        await Expect(page.Locator(".csv-row[data-line='2']")).ToHaveAttributeAsync("data-outcome", "failed");
        await Expect(page.Locator(".csv-row[data-line='2'] .csv-outcome")).ToContainTextAsync(Refusal);
        await Expect(page.Locator(".csv-row[data-line='3'] .csv-outcome")).ToHaveTextAsync("No order NO-SUCH-ORDER was found.");
        Assert.Empty(book.Find(sold.Id)!.Shipments);
        Assert.Equal(OrderStatus.Unfulfilled, (await app.StoredAsync(connection, sold.Id)).Status);
    }
}
