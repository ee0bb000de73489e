using Marketplaces.Accounts;
using Marketplaces.Connections;
using Marketplaces.Health;
using Marketplaces.Jobs;
using Marketplaces.Orders.Listing;
using Marketplaces.Products;
using Marketplaces.Sandbox;
using Marketplaces.Uploads;
using Marketplaces.Webhooks;
using MudBlazor.Services;

namespace Marketplaces.Hosting;

public static class WebUiSetup
{
    public static void AddWebUi(this WebApplicationBuilder builder)
    {
        // Serves the packages' static assets (MudBlazor's _content) in every environment, not only Development.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddSingleton<Settings.ShopTimeZone>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
        // Says nothing of what serves the app.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
    }

    public static void UseWebUi(this WebApplication app)
    {
        if (app.Configuration.ReverseProxyEnabled()) app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment()) app.UseErrorPages();
        // Strict-Transport-Security on HTTPS answers only (behind the proxy, as its forwarded scheme says), never for localhost.
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        // Only page loads get the friendly not-found page; re-executing a POST or a hub request as a page would
        // turn its 401/404 into an antiforgery 400, and emulators answer in their marketplace's own format.
        app.UseWhen(c => HttpMethods.IsGet(c.Request.Method) && !c.Request.Path.StartsWithSegments("/_blazor")
                         && !c.Request.Path.StartsWithSegments("/sandbox"),
            branch => branch.UseStatusCodePagesWithReExecute("/not-found"));
        app.UseStaticFiles();
        // Routing after the status-code pages: their re-execution of /not-found must be routed again. With routing
        // where the host puts it by default (first), the re-executed request kept no endpoint and answered an empty 404.
        app.UseRouting();
        app.UseMiddleware<FirstRunRedirect>();
        app.UseAuthentication();
        app.UseAuthenticationOutagePage();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealth();
        app.MapAccountEndpoints();
        app.MapConnectionEndpoints();
        app.MapOrderExport();
        app.MapProducts();
        app.MapJobsDashboard();
        app.MapSandbox();
        app.MapWebhooks();
        app.MapUploads();
        // The frame-ancestors Blazor would send on its own is part of the app's whole policy (SecurityHeaders).
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
    }
}
