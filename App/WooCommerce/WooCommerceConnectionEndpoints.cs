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
        group.MapGet("/authorize", AuthorizeAsync).RequireAuthorization(Roles.Owner);
        group.MapPost("/keys", KeysAsync).AllowAnonymous().DisableAntiforgery();
        group.MapGet("/return", ReturnAsync).RequireAuthorization(Roles.Owner);
    }

    private static async Task<IResult> AuthorizeAsync(string? environment, string? store, HttpRequest request, ClaimsPrincipal user,
        MarketplaceTargets targets, PendingAuthorizations pending, PublicUrls urls, ConnectionAudit audit, CancellationToken ct)
    {
        Task<IResult> Dashboard(string message) => FailureAsync(audit, user, message, ct);
        // A GET carries no antiforgery token: a link on another site must not start a flow whose state then goes
        // to a "store" of that site's choosing, which could post its own keys into the owner's dashboard.
        if (request.Headers["Sec-Fetch-Site"] == "cross-site") return await Dashboard("Start connecting from the dashboard.");
        if (!Enum.TryParse<MarketplaceEnvironment>(environment, ignoreCase: true, out var env))
            return await Dashboard($"Unknown environment '{environment}'.");
        MarketplaceTarget target;
        try
        {
            target = await targets.ResolveAsync(Id, env, store, ct);
        }
        catch (InvalidAccountParameterException e)
        {
            return await Dashboard(e.Message);
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

    /// <summary>
    /// The store sends success=1 only after our /keys answered 200, i.e. after the connection was saved and audited;
    /// the dashboard shows that audit entry (or the denial) on the card.
    /// </summary>
    private static async Task<IResult> ReturnAsync([FromQuery] string? success, ClaimsPrincipal user, ConnectionAudit audit, CancellationToken ct)
    {
        var actor = user.Identity?.Name ?? "unknown";
        if (success == "1" && await audit.LatestAsync(Id, actor, ConnectionAction.Connect, TimeSpan.FromMinutes(15), ct) is { } saved)
            return Results.Redirect($"/?marketplace={Id}&event={saved.Id}");
        return await FailureAsync(audit, user, success == "0"
            ? "Access was denied in the store; nothing was connected."
            : "The store did not confirm the connection.", ct);
    }

    private static async Task<IResult> FailureAsync(ConnectionAudit audit, ClaimsPrincipal user, string message, CancellationToken ct)
    {
        var entry = await audit.RecordAsync(Id, null, null, null, user.Identity?.Name ?? "unknown", ConnectionAction.Connect, false, message, ct);
        return Results.Redirect($"/?marketplace={Id}&event={entry.Id}");
    }
}
