using System.Text.RegularExpressions;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplaces.Tests.Browser;

/// <summary>The app bar and navigation drawer: every page reachable on a phone. (Jobs from the navigation: JobsBrowserTests.)</summary>
public sealed class NavigationBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => app.EnsureOwnerAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task On_a_phone_the_drawer_hides_behind_the_menu_button_and_opens_to_every_page()
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.SignInAsync(TestUsers.OwnerEmail, TestUsers.Password);
        await page.WaitForInteractiveAsync();
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(nav.GetByText("Orders", new() { Exact = true })).Not.ToBeInViewportAsync();

        // Under load the circuit can take long to handle the click, or lose it before it is connected, and MudBlazor's
        // responsive drawer closes itself once the browser reports its breakpoint, which can come after an early click:
        // after 10 s without the drawer, the menu is clicked again (twice at most).
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        var orders = nav.GetByText("Orders", new() { Exact = true });
        for (var attempt = 0; ; attempt++)
        {
            await menu.ClickAsync();
            try
            {
                await Expect(orders).ToBeInViewportAsync(new() { Timeout = 10_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 2)
            {
            }
        }
        await nav.GetByText("Orders", new() { Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/orders$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Orders", Exact = true })).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the orders page is wider than the phone");
    }
}
