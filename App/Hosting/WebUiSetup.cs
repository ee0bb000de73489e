using Marketplaces.Accounts;
using Marketplaces.Connections;
using Marketplaces.Health;
using Marketplaces.Jobs;
using Marketplaces.Sandbox;
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
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
    }

    public static void UseWebUi(this WebApplication app)
    {
        if (app.Configuration.ReverseProxyEnabled()) app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/not-found", createScopeForErrors: true);
        // Only page loads get the friendly not-found page; re-executing a POST or a hub request as a page would
        // turn its 401/404 into an antiforgery 400, and emulators answer in their marketplace's own format.
        app.UseWhen(c => HttpMethods.IsGet(c.Request.Method) && !c.Request.Path.StartsWithSegments("/_blazor")
                         && !c.Request.Path.StartsWithSegments("/sandbox"),
            branch => branch.UseStatusCodePagesWithReExecute("/not-found"));
        app.UseStaticFiles();
        app.UseMiddleware<FirstRunRedirect>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealth();
        app.MapAccountEndpoints();
        app.MapConnectionEndpoints();
        app.MapJobsDashboard();
        app.MapSandbox();
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
    }
}
