using System.Globalization;
using Marketplaces.Sandbox;

namespace Marketplaces.Etsy.Sandbox;

/// <summary>The Open API v3 calls that say who a token belongs to: <c>getMe</c> and <c>getShop</c>, in the spec's shapes.</summary>
internal sealed class EtsyUserEndpoints(EtsyApiGate gate, SandboxGrants grants)
{
    /// <summary><c>GET /v3/application/users/me</c> (scope shops_r) → <c>Self</c>.</summary>
    public async Task<IResult> MeAsync(HttpContext http, CancellationToken ct)
    {
        var (grant, error) = await gate.AuthorizeAsync(http.Request, "shops_r", ct);
        if (error is not null) return error;
        return Results.Json(new { user_id = grant!.UserId, shop_id = grant.ShopId });
    }

    /// <summary><c>GET /v3/application/shops/{shop_id}</c> (api key only) → <c>Shop</c>, for shops whose seller authorized the app.</summary>
    public async Task<IResult> ShopAsync(HttpContext http, string shop_id, CancellationToken ct)
    {
        if (await gate.CheckApiKeyAsync(http.Request, ct) is { } keyError) return keyError;
        if (!long.TryParse(shop_id, NumberStyles.None, CultureInfo.InvariantCulture, out var shopId) || shopId < 1)
            return EtsyErrors.Api(StatusCodes.Status400BadRequest, "shop_id must be a positive integer.");
        var seller = await FindSellerAsync(shopId, ct);
        if (seller is null) return EtsyErrors.Api(StatusCodes.Status404NotFound, $"Could not find a Shop with shop_id = {shopId}.");
        return Results.Json(EtsySandboxShop.For(seller));
    }

    /// <summary>The emulator has no shop table yet: a shop exists once its seller has approved the app (and got a code).</summary>
    private async Task<EtsySandboxAccount?> FindSellerAsync(long shopId, CancellationToken ct)
    {
        var code = await grants.FindWhereAsync(EtsySandboxRules.Id, SandboxGrantKinds.Code, "shopId", shopId.ToString(CultureInfo.InvariantCulture), ct);
        return code?.Read<EtsyGrant>().Seller;
    }
}
