namespace Marketplaces.Ebay.Sandbox;

/// <summary>
/// Commerce Identity API <c>GET /commerce/identity/v1/user/</c> on the apiz host: who the user token belongs to.
/// Not in ebay.md; shape and scope are from memory of eBay's docs (userId, username, accountType,
/// registrationMarketplaceId; scope commerce.identity.readonly).
/// </summary>
internal sealed class EbayIdentityEndpoint(EbayRestApi restApi)
{
    public async Task<IResult> GetUserAsync(HttpRequest request, CancellationToken ct)
    {
        var caller = await restApi.CallerAsync(request, ct);
        if (caller is null) return EbayRestApi.InvalidAccessToken();
        if (!caller.Scopes.Contains(EbayScopes.IdentityReadonly)) return EbayRestApi.AccessDenied();
        var user = caller.User;
        return Results.Json(new { userId = user.UserId, username = user.Username, accountType = "INDIVIDUAL", registrationMarketplaceId = "EBAY_US" });
    }
}
