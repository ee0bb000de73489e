using System.Text.RegularExpressions;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.Tests.Orders;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplaces.Tests.Browser;

/// <summary>What looked unfinished to a new user: the sign-in page, page titles, the chart's labels, scopes, and Disconnect beside Sync now.</summary>
public sealed class AppearanceBrowserTests(OrdersBrowserFixture app) : IClassFixture<OrdersBrowserFixture>
{
    [Fact]
    public async Task Sign_in_uses_the_apps_theme_and_page_titles_get_no_focus_box()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        var signIn = page.GetByRole(AriaRole.Button, new() { Name = "Sign in" });
        var buttonColour = await signIn.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.Contains("mud-button-filled-primary", await signIn.GetAttributeAsync("class"));
        Assert.Equal(await page.Locator("h1").EvaluateAsync<string>("e => getComputedStyle(e).fontFamily"),
            await page.Locator("body").EvaluateAsync<string>("e => getComputedStyle(e).fontFamily"));

        await page.SignInAsync(TestUsers.OwnerEmail, TestUsers.Password);
        await page.WaitForInteractiveAsync();
        Assert.Equal(buttonColour, await page.Locator(".mud-appbar").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await nav.GetByText("Orders", new() { Exact = true }).ClickAsync();
        var title = page.GetByRole(AriaRole.Heading, new() { Name = "Orders", Exact = true });
        await Expect(title).ToBeFocusedAsync();
        Assert.Equal("none", await title.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
    }

    [Fact]
    public async Task The_charts_day_labels_do_not_overlap_scopes_are_short_and_disconnect_stands_apart_from_sync_now()
    {
        var (connection, book) = await app.ConnectEbayAsync("appearance-ebay");
        book.AddMany(5);
        await app.SyncAsync(connection);
        var page = await app.SignedInPageAsync();

        await Expect(page.Locator(".orders-chart svg")).ToBeVisibleAsync();
        var labels = await page.Locator(".orders-chart svg text").EvaluateAllAsync<double[][]>(
            "els => els.filter(e => /^\\d\\d-\\d\\d$/.test(e.textContent.trim())).map(e => { const r = e.getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom]; })");
        Assert.NotEmpty(labels);
        for (var i = 0; i < labels.Length; i++)
        for (var j = i + 1; j < labels.Length; j++)
        {
            var overlap = labels[i][0] < labels[j][1] && labels[j][0] < labels[i][1] && labels[i][2] < labels[j][3] && labels[j][2] < labels[i][3];
            Assert.False(overlap, $"chart labels {i} and {j} overlap");
        }

        var card = page.GetByLabel("eBay", new() { Exact = true });
        var entry = card.Locator(".connection").Last;
        await Expect(entry.Locator(".connection-scopes")).Not.ToContainTextAsync("https://");
        await Expect(entry.Locator(".connection-scopes")).ToContainTextAsync(new Regex(@"sell\.fulfillment"));
        var sync = (await entry.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Sync now") }).BoundingBoxAsync())!;
        var disconnect = (await entry.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Disconnect") }).BoundingBoxAsync())!;
        var apart = disconnect.Y >= sync.Y + sync.Height || disconnect.X - (sync.X + sync.Width) >= 24;
        Assert.True(apart, "Disconnect sits right beside Sync now");
    }
}
