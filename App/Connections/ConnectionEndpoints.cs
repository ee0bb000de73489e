using System.Security.Claims;
using Marketplaces.Accounts;
using Marketplaces.Catalog;

namespace Marketplaces.Connections;

/// <summary>
/// The browser side of connecting: start (redirect to the marketplace's consent page) and the callback the
/// marketplace redirects back to. Both need a signed-in owner; the result is shown on the dashboard card.
/// </summary>
internal sealed class ConnectionEndpoints : IConnectionEndpoints
{
    public const string BindingCookie = "Marketplaces.ConnectBinding";

    public void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/connections").RequireAuthorization(Roles.Owner);
        group.MapGet("/{marketplace}/connect", StartAsync);
        group.MapGet("/callback/{marketplace}", CallbackAsync);
    }

    private static async Task<IResult> StartAsync(string marketplace, MarketplaceEnvironment environment, string? account,
        HttpContext http, MarketplaceCatalog catalog, ConnectFlow flow, ConnectionAudit audit, CancellationToken ct)
    {
        if (!catalog.TryGet(marketplace, out var definition) || definition.AuthMode != AuthMode.OAuth2) return Results.NotFound();
        var user = http.User;
        try
        {
            var url = await flow.StartAsync(definition.Id, environment, account, UserId(user), user.Identity!.Name!, Binding(http), ct);
            return Results.Redirect(url);
        }
        catch (Exception e) when (e is MissingCredentialsException or InvalidAccountParameterException)
        {
            var entry = await audit.RecordAsync(definition.Id, environment, null, account, user.Identity!.Name!, ConnectionAction.Connect, false, e.Message, ct);
            return Results.Redirect(Dashboard(definition.Id, entry.Id));
        }
    }

    private static async Task<IResult> CallbackAsync(string marketplace, HttpContext http, MarketplaceCatalog catalog, ConnectFlow flow, CancellationToken ct)
    {
        if (!catalog.TryGet(marketplace, out var definition)) return Results.NotFound();
        var callback = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        var outcome = await flow.CompleteAsync(definition.Id, callback, UserId(http.User), http.User.Identity!.Name!,
            http.Request.Cookies[BindingCookie], ct);
        return Results.Redirect(outcome.Succeeded
            ? $"/?marketplace={definition.Id}&connected={outcome.ConnectionId}"
            : Dashboard(definition.Id, outcome.EventId!.Value));
    }

    private static string Dashboard(string marketplace, long eventId) => $"/?marketplace={marketplace}&event={eventId}";

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>A random value this browser keeps (HttpOnly) for its connect flows; the state is bound to its hash.</summary>
    private static string Binding(HttpContext http)
    {
        if (http.Request.Cookies[BindingCookie] is { Length: >= 32 } existing) return existing;
        var binding = PendingAuthorizations.RandomToken();
        http.Response.Cookies.Append(BindingCookie, binding, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, Path = "/connections", IsEssential = true,
        });
        return binding;
    }
}
