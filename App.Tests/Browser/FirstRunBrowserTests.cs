using Marketplaces.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplaces.Tests.Browser;

public sealed class FirstRunBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_new_install_leads_to_setup_which_creates_the_owner_and_opens_the_dashboard()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/setup$"));

        await page.GetByLabel("Email").FillAsync("owner@shop.example");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(TestUsers.Password);
        await page.GetByLabel("Confirm password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create owner account" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        await Expect(page.Locator(".signed-in-user")).ToHaveTextAsync("owner@shop.example");

        var again = await page.GotoAsync("/setup");
        Assert.Equal(404, again!.Status);
    }
}
