using System.Security.Claims;
using Marketplaces.Accounts;
using Marketplaces.Catalog;
using Marketplaces.Connections;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplaces.WooCommerce;

/// <summary>
/// WooCommerce's key handshake (woocommerce.md §2.2): send the seller to the store's /wc-auth/v1/authorize, receive
/// the keys server-to-server at /keys (bound to the flow by the single-use state sent as user_id), and bring the
/// browser back to the dashboard from /return.
/// </summary>
public sealed class WooCommerceConnectionEndpoints : IConnectionEndpoints
{
    private const string Id = "woocommerce";
    private const string Root = "/connections/woocommerce";

    /// <summary>The key POST comes from the store's server, not the seller's browser: the state alone binds it.</summary>
    private const string ServerToServer = "woocommerce-key-post";

    public void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Root);
        group.MapGet("/authorize", AuthorizeAsync).RequireAuthorization(p => p.RequireRole(Roles.Owner));
        group.MapPost("/keys", KeysAsync).AllowAnonymous().DisableAntiforgery();
        group.MapGet("/return", Return);
    }

    private static async Task<IResult> AuthorizeAsync(string? environment, string? store, HttpRequest request, ClaimsPrincipal user,
        MarketplaceTargets targets, PendingAuthorizations pending, PublicUrls urls, CancellationToken ct)
    {
        // A GET carries no antiforgery token: a link on another site must not start a flow whose state then goes
        // to a "store" of that site's choosing, which could post its own keys into the owner's dashboard.
        if (request.Headers["Sec-Fetch-Site"] == "cross-site") return Dashboard("failed", "Start connecting from the dashboard.");
        if (!Enum.TryParse<MarketplaceEnvironment>(environment, ignoreCase: true, out var env))
            return Dashboard("failed", $"Unknown environment '{environment}'.");
        MarketplaceTarget target;
        try
        {
            target = await targets.ResolveAsync(Id, env, store, ct);
        }
        catch (InvalidAccountParameterException e)
        {
            return Dashboard("failed", e.Message);
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Signed-in user without id");
        var started = await pending.StartAsync(Id, env, target.AccountParameter, userId, user.Identity?.Name ?? userId, ServerToServer, pkce: false, ct);
        return Results.Redirect(QueryHelpers.AddQueryString(target.Endpoints.AuthorizeUrl, new Dictionary<string, string?>
        {
            ["app_name"] = "Marketplaces",
            ["scope"] = "read_write",
            ["user_id"] = started.State,
            ["return_url"] = $"{urls.BaseUrl}{Root}/return",
            ["callback_url"] = $"{urls.BaseUrl}{Root}/keys",
        }));
    }

    /// <summary>Anything but exactly 200 makes the store delete the new key, so every refusal is a 400.</summary>
    private static async Task<IResult> KeysAsync(HttpRequest request, PendingAuthorizations pending, KeyConnections connections, CancellationToken ct)
    {
        var delivery = await WooCommerceKeyDelivery.ReadAsync(request, ct);
        if (delivery is null) return Results.BadRequest("Expected JSON with user_id, consumer_key and consumer_secret.");
        var flow = await pending.TakeByStateAsync(Id, delivery.UserId, ct);
        if (flow is null) return Results.BadRequest("Unknown, used or expired user_id.");
        var outcome = await connections.ConnectAsync(Id, flow.Environment, flow.AccountParameter, new Dictionary<string, string>
        {
            [WooCommerceKeyConnector.ConsumerKey] = delivery.ConsumerKey,
            [WooCommerceKeyConnector.ConsumerSecret] = delivery.ConsumerSecret,
        }, flow.UserName, ct);
        return outcome.Succeeded ? Results.Ok() : Results.BadRequest(outcome.Message);
    }

    /// <summary>The store sends success=1 only after our /keys answered 200, i.e. after the connection was saved.</summary>
    private static IResult Return([FromQuery] string? success) => success switch
    {
        "1" => Dashboard("connected"),
        "0" => Dashboard("denied"),
        _ => Dashboard("failed"),
    };

    private static IResult Dashboard(string outcome, string? message = null) =>
        Results.Redirect(QueryHelpers.AddQueryString("/", new Dictionary<string, string?>
        {
            ["marketplace"] = Id,
            ["outcome"] = outcome,
            ["message"] = message,
        }.Where(p => p.Value is not null)));
}
