using Bunit;
using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Settings;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Marketplaces.Tests.Settings;

/// <summary>The owner's settings forms: staff users (validation, snackbars) and marketplace app credentials.</summary>
public sealed class SettingsFormsTests(AppFactory app) : MudComponentTest(app.Services), IClassFixture<AppFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private IRenderedComponent<MudSnackbarProvider> Snackbars()
    {
        SignIn(TestUsers.OwnerEmail);
        Render<MudPopoverProvider>();
        return Render<MudSnackbarProvider>();
    }

    private static void Type(IRenderedComponent<UsersSettings> form, string label, string value) =>
        form.FindAll("input").Single(i => form.FindAll($"label[for='{i.Id}']").Any(l => l.TextContent.Trim() == label)).Change(value);

    private static void Add(IRenderedComponent<UsersSettings> form) =>
        form.FindAll("button").Single(b => b.TextContent.Trim() == "Add staff user").Click();

    [Fact]
    public void Adding_a_staff_user_without_email_and_password_says_what_is_missing_and_adds_nobody()
    {
        Snackbars();
        var form = Render<UsersSettings>();
        form.WaitForElement(".users-grid", Patience);

        form.InvokeAsync(() => Add(form));

        form.WaitForAssertion(() =>
        {
            Assert.Contains("Email is required", form.Markup);
            Assert.Contains("Password is required", form.Markup);
        }, Patience);
    }

    [Fact]
    public void An_email_that_is_not_one_is_refused()
    {
        Snackbars();
        var form = Render<UsersSettings>();
        form.WaitForElement(".users-grid", Patience);

        form.InvokeAsync(() => Type(form, "Staff email", "not-an-email"));
        form.InvokeAsync(() => Add(form));

        form.WaitForAssertion(() => Assert.Contains("Enter a valid email address", form.Markup), Patience);
    }

    [Fact]
    public void A_staff_user_added_shows_in_the_list_with_a_snackbar_and_can_be_removed()
    {
        var snackbars = Snackbars();
        var dialogs = Render<MudDialogProvider>();
        var form = Render<UsersSettings>();
        form.WaitForElement(".users-grid", Patience);

        form.InvokeAsync(() => Type(form, "Staff email", "picker@shop.example"));
        form.InvokeAsync(() => Type(form, "Staff password", TestUsers.Password));
        form.InvokeAsync(() => Add(form));

        form.WaitForAssertion(() => Assert.Contains("picker@shop.example", form.Find(".users-grid").TextContent), Patience);
        snackbars.WaitForAssertion(() => Assert.Contains("Staff user added: picker@shop.example", snackbars.Markup), Patience);
        form.InvokeAsync(() => form.Find("button[aria-label='Remove picker@shop.example']").Click());
        dialogs.WaitForAssertion(() => Assert.Contains("Remove picker@shop.example?", dialogs.Markup), Patience);
        Assert.Contains("picker@shop.example", form.Find(".users-grid").TextContent);
        dialogs.InvokeAsync(() => dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Remove").Click());
        snackbars.WaitForAssertion(() => Assert.Contains("picker@shop.example removed", snackbars.Markup), Patience);
        form.WaitForAssertion(() => Assert.DoesNotContain("picker@shop.example", form.Find(".users-grid").TextContent), Patience);
    }

    [Fact]
    public async Task A_marketplace_app_id_saved_on_the_settings_page_is_stored_and_confirmed()
    {
        var snackbars = Snackbars();
        var form = Render<MarketplaceAppsSettings>();
        form.WaitForElement(".mud-expand-panel", Patience);
        await form.InvokeAsync(() => form.FindAll(".mud-expand-panel-header").Single(h => h.TextContent.Trim() == "Etsy").Click());

        var field = form.WaitForElement("input[aria-label='Etsy Production Keystring'], input[aria-label^='Etsy Production'][type=text]", Patience);
        await form.InvokeAsync(() => field.Change("keystring-typed-in-settings"));
        await form.InvokeAsync(() => form.Find("button[aria-label='Save Etsy Production']").Click());

        snackbars.WaitForAssertion(() => Assert.Contains("Etsy credentials saved", snackbars.Markup), Patience);
        var saved = await app.Services.GetRequiredService<AppCredentialStore>().ReadAsync("etsy", MarketplaceEnvironment.Production);
        Assert.Contains(saved, v => v.Value == "keystring-typed-in-settings");
    }

    [Fact]
    public async Task Tiktoks_audit_is_a_switch_saved_as_on_and_its_verified_prefix_says_what_to_verify()
    {
        var snackbars = Snackbars();
        var form = Render<MarketplaceAppsSettings>();
        form.WaitForElement(".mud-expand-panel", Patience);
        await form.InvokeAsync(() => form.FindAll(".mud-expand-panel-header").Single(h => h.TextContent.Trim() == "TikTok").Click());

        var audited = form.WaitForElement("input[aria-label='TikTok Production Audited by TikTok']", Patience);
        Assert.Equal("checkbox", audited.GetAttribute("type"));
        Assert.Contains("at most 5 creators can post through it in 24 hours", form.Markup);
        Assert.Contains("covering this app's /media/pull/ address", form.Markup);
        await form.InvokeAsync(() => audited.Change(true));
        await form.InvokeAsync(() => form.Find("button[aria-label='Save TikTok Production']").Click());

        snackbars.WaitForAssertion(() => Assert.Contains("TikTok credentials saved", snackbars.Markup), Patience);
        var saved = await app.Services.GetRequiredService<AppCredentialStore>().ReadAsync("tiktok", MarketplaceEnvironment.Production);
        Assert.Equal("true", saved.Single(v => v.Field.Key == "audited").Value);
    }

    [Fact]
    public async Task Each_marketplace_shows_its_built_in_sandbox_app_credentials_and_address_for_outside_clients()
    {
        Snackbars();
        var form = Render<MarketplaceAppsSettings>();
        form.WaitForElement(".mud-expand-panel", Patience);
        await form.InvokeAsync(() => form.FindAll(".mud-expand-panel-header").Single(h => h.TextContent.Trim() == "eBay").Click());

        var section = form.WaitForElement(".sandbox-app[data-marketplace=ebay]", Patience);
        var sandbox = await app.Services.GetRequiredService<Marketplaces.Sandbox.SandboxApps>().GetAsync("ebay");
        foreach (var credential in section.QuerySelectorAll(".sandbox-credential"))
            Assert.Equal(sandbox[credential.GetAttribute("data-key")!], credential.TextContent);
        Assert.NotEmpty(section.QuerySelectorAll(".sandbox-credential"));
        Assert.EndsWith("/sandbox/ebay", section.QuerySelector(".sandbox-base-url")!.TextContent);
    }
}
