using Bunit;
using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Dashboard;
using Marketplaces.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Marketplaces.Tests.Dashboard;

/// <summary>The connect dialog: the fields each kind of marketplace asks for, and what it says when something is wrong.</summary>
public sealed class ConnectDialogTests : MudComponentTest, IClassFixture<AppFactory>
{
    private readonly AppFactory app;

    public ConnectDialogTests(AppFactory app) : base(app.Services)
    {
        this.app = app;
        // A list of services is answered by bUnit's own container (empty), never by the fallback: hand them over.
        foreach (var connector in app.Services.GetServices<IKeyConnector>()) Services.AddSingleton(connector);
        foreach (var emulator in app.Services.GetServices<ISandboxEmulator>()) Services.AddSingleton(emulator);
    }

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(string marketplace)
    {
        SignIn(TestUsers.OwnerEmail);
        var provider = Render<MudDialogProvider>();
        var definition = app.Services.GetRequiredService<MarketplaceCatalog>()[marketplace];
        await provider.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<ConnectDialog>($"Connect {definition.Name}",
            new DialogParameters<ConnectDialog> { { d => d.Marketplace, definition } }));
        // Loaded once the credentials are read: a connect button or the list of what is missing.
        provider.WaitForState(() => Buttons(provider).Count() > 1 || provider.FindAll(".missing-credentials").Count > 0, TimeSpan.FromSeconds(15));
        return provider;
    }

    private static IEnumerable<string> Buttons(IRenderedComponent<MudDialogProvider> dialog) =>
        dialog.FindAll(".connect-dialog button").Select(b => b.TextContent.Trim()).Where(t => t.Length > 0);

    private static IEnumerable<string> PasswordLabels(IRenderedComponent<MudDialogProvider> dialog) =>
        dialog.FindAll(".connect-dialog input[type=password]").Select(i => dialog.Find($"label[for='{i.Id}']").TextContent.Trim());

    private static async Task ChooseAsync(IRenderedComponent<MudDialogProvider> dialog, MarketplaceEnvironment environment)
    {
        var select = dialog.FindComponent<MudSelect<MarketplaceEnvironment>>();
        await dialog.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(environment));
    }

    [Fact]
    public async Task An_oauth_marketplace_opens_on_the_sandbox_that_can_connect_and_asks_for_no_keys()
    {
        var dialog = await OpenAsync("ebay");

        Assert.Contains("Sandbox: a local emulator of eBay", dialog.Markup);
        Assert.Empty(dialog.FindAll("input[type=password]"));
        Assert.Equal(["Cancel", "Continue to eBay"], Buttons(dialog));
    }

    [Fact]
    public async Task WooCommerce_asks_for_the_store_address_and_its_two_keys_or_authorization_in_the_store()
    {
        var dialog = await OpenAsync("woocommerce");
        await ChooseAsync(dialog, MarketplaceEnvironment.BuiltInSandbox);

        var store = dialog.Find(".connect-dialog .mud-input-control:has(label:contains('Store URL')) input");
        Assert.EndsWith("/sandbox/woocommerce", store.GetAttribute("value"));
        Assert.Equal(2, PasswordLabels(dialog).Count());
        Assert.Equal(["consumerKey", "consumerSecret"], dialog.FindAll(".sandbox-key").Select(k => k.GetAttribute("data-kind")));
        Assert.StartsWith("ck_", dialog.Find(".sandbox-key[data-kind=consumerKey] code").TextContent);
        Assert.Equal(["Cancel", "Authorize in the store instead", "Check and connect"], Buttons(dialog));
    }

    [Fact]
    public async Task PrestaShop_asks_for_its_webservice_key()
    {
        var dialog = await OpenAsync("prestashop");

        Assert.Equal(["Webservice key"], PasswordLabels(dialog));
        Assert.Contains("Check and connect", Buttons(dialog));
        Assert.Empty(dialog.FindAll(".sandbox-key"));

        await ChooseAsync(dialog, MarketplaceEnvironment.BuiltInSandbox);
        var key = dialog.Find(".sandbox-key[data-kind=webserviceKey] code").TextContent;
        Assert.Equal(key, dialog.Find(".connect-dialog input[type=password]").GetAttribute("value"));
    }

    [Fact]
    public async Task An_invalid_shop_domain_is_refused_in_the_dialog_without_leaving_the_page()
    {
        var dialog = await OpenAsync("shopify");
        var navigation = Services.GetRequiredService<NavigationManager>();
        var before = navigation.Uri;

        await dialog.InvokeAsync(() => dialog.Find(".connect-dialog .mud-input-control:has(label:contains('Shop domain')) input").Change("not a shop!"));
        await dialog.InvokeAsync(() => dialog.FindAll(".connect-dialog button").Single(b => b.TextContent.Trim() == "Continue to Shopify").Click());

        Assert.NotEmpty(dialog.WaitForElement(".connect-error", TimeSpan.FromSeconds(15)).TextContent.Trim());
        Assert.Equal(before, navigation.Uri);
    }

    [Fact]
    public async Task Production_without_app_credentials_lists_what_is_missing_and_offers_no_connect_button()
    {
        var dialog = await OpenAsync("ebay");

        await ChooseAsync(dialog, MarketplaceEnvironment.Production);

        var missing = dialog.WaitForElement(".missing-credentials", TimeSpan.FromSeconds(15)).TextContent;
        Assert.Contains("Client ID", missing);
        Assert.Contains("Marketplaces:ebay:Production:clientSecret", dialog.Find(".missing-credentials .how-to-configure").TextContent);
        Assert.Equal(["Cancel"], Buttons(dialog));
    }
}
