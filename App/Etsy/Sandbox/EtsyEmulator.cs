using Marketplaces.Connections;
using Marketplaces.Sandbox;

namespace Marketplaces.Etsy.Sandbox;

/// <summary>
/// Local emulator of Etsy: the consent page at www.etsy.com/oauth/connect, the token endpoint at
/// api.etsy.com/v3/public/oauth/token and the Open API v3 under <c>/openapi/v3/application</c>.
/// </summary>
public sealed class EtsyEmulator(
    SandboxApps apps, SandboxGrants grants, SandboxJournal journal, SandboxOptions options, PublicUrls urls, TimeProvider clock)
    : ISandboxEmulator
{
    public string MarketplaceId => EtsySandboxRules.Id;

    public void Map(IEndpointRouteBuilder routes)
    {
        var connect = new EtsyConnectEndpoint(apps, grants, journal, options, urls);
        routes.MapGet("/oauth/connect", connect.ShowAsync);
        routes.MapPost("/oauth/connect", connect.DecideAsync);
        routes.MapPost("/v3/public/oauth/token", new EtsyTokenEndpoint(apps, grants, journal, options).HandleAsync);

        var api = routes.MapGroup("/openapi/v3/application");
        var users = new EtsyUserEndpoints(new EtsyApiGate(apps, grants, clock), grants);
        api.MapGet("/users/me", users.MeAsync);
        api.MapGet("/shops/{shop_id}", users.ShopAsync);
    }
}
