using System.Text.RegularExpressions;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplaces.Tests.Browser;

/// <summary>The app bar and navigation drawer: every page reachable on a phone, and Jobs leaving the Blazor router.</summary>
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

        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await nav.GetByText("Orders", new() { Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/orders$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Orders", Exact = true })).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the orders page is wider than the phone");
    }

    [Fact]
    public async Task The_jobs_link_loads_a_whole_page_instead_of_routing_inside_blazor()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(TestUsers.OwnerEmail, TestUsers.Password);
        await page.WaitForInteractiveAsync();
        await page.EvaluateAsync("window.stillTheSameDocument = true");
        // Stands in for Hangfire's dashboard, which another change maps at /jobs: only a document request reaches it.
        await page.RouteAsync("**/jobs", route => route.Request.ResourceType == "document"
            ? route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<h1>Dashboard of the jobs</h1>" })
            : route.ContinueAsync());

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByText("Jobs", new() { Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/jobs$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard of the jobs" })).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<bool?>("window.stillTheSameDocument"));
    }
}
