using Marketplaces.Accounts;
using System.Text.RegularExpressions;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplaces.Tests.Browser;

public sealed class SignInBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private static readonly string[] Marketplaces =
        ["Amazon", "eBay", "Etsy", "TikTok", "AliExpress", "Shopify", "WooCommerce", "PrestaShop"];

    public Task InitializeAsync() => app.EnsureStaffAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_owner_signs_in_and_sees_a_card_per_marketplace()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(TestUsers.OwnerEmail, TestUsers.Password);
        await page.WaitForInteractiveAsync();

        var cards = page.Locator(".marketplace-card");
        await Expect(cards).ToHaveCountAsync(8);
        foreach (var name in Marketplaces)
        {
            var card = page.GetByLabel(name, new() { Exact = true });
            await Expect(card.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
            await Expect(card.GetByRole(AriaRole.Img, new() { Name = $"{name} logo" })).ToBeVisibleAsync();
            await Expect(card.Locator(".connection-state")).ToHaveTextAsync("Not connected");
            await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Connect" })).ToBeVisibleAsync();
        }
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        foreach (var item in new[] { "Dashboard", "Products", "Orders", "Uploads", "Jobs", "Settings" })
            await Expect(nav.GetByText(item, new() { Exact = true })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = TestUsers.OwnerEmail }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change your password" })).ToBeVisibleAsync();
        await Expect(page.GetByText(PasswordRules.InWords)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_wrong_password_says_sign_in_failed_and_stays_on_the_sign_in_page()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(TestUsers.OwnerEmail, "wrong password entirely");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Sign-in failed.");
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in"));
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(TestUsers.OwnerEmail, TestUsers.Password);
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in"));

        await page.GotoAsync("/orders");
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in\\?ReturnUrl=%2Forders"));
    }

    [Fact]
    public async Task Staff_see_no_jobs_or_settings_and_cannot_open_them()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(TestUsers.StaffEmail, TestUsers.Password);
        await page.WaitForInteractiveAsync();
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(nav.GetByText("Orders", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(nav.GetByText("Jobs", new() { Exact = true })).ToHaveCountAsync(0);
        await Expect(nav.GetByText("Settings", new() { Exact = true })).ToHaveCountAsync(0);

        // /jobs is Hangfire's dashboard, not a Blazor page: its Staff 403 is tested with it.
        await page.GotoAsync("/settings");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_owner_adds_and_removes_a_staff_user_without_reloading()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(TestUsers.OwnerEmail, TestUsers.Password);
        // Signed in and on the dashboard before going on: a sign-in redirect landing later would leave the settings.
        await page.WaitForInteractiveAsync();
        await page.GotoAsync("/settings");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Users" }).ClickAsync();
        var navigations = 0;
        page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame) navigations++; };

        await page.GetByLabel("Staff email").FillAsync("packer@shop.example");
        await page.GetByLabel("Staff password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add staff user" }).ClickAsync();

        var grid = page.Locator(".users-grid");
        await Expect(grid.GetByText("packer@shop.example")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Set a new password for packer@shop.example" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("New password").FillAsync("short");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Alert).Filter(new() { HasText = "too short" })).ToBeVisibleAsync();
        await dialog.GetByLabel("New password").FillAsync("Packer-Password-3");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(page.GetByText("New password set for packer@shop.example")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove packer@shop.example" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Expect(grid.GetByText("packer@shop.example")).ToHaveCountAsync(0);
        Assert.Equal(0, navigations);
    }
}
