using System.Text.Json.Nodes;

namespace Marketplaces.Etsy.Sandbox.Listings;

/// <summary>
/// What a listing refers to in its shop: shipping profiles, return policies and processing profiles (readiness state
/// definitions), one of each per sandbox shop; and the seller taxonomy (<see cref="EtsySandboxTaxonomy"/>).
/// </summary>
internal sealed class EtsyShopProfileEndpoints(EtsyApiGate gate, EtsySandboxListings listings)
{
    public Task<IResult> ShippingProfilesAsync(HttpRequest request, string shop_id, CancellationToken ct) => OneAsync(request, shop_id, (shop, grant) => new JsonObject
    {
        ["shipping_profile_id"] = shop.ShippingProfileId, ["title"] = "Standard shipping", ["user_id"] = grant.UserId, ["origin_country_iso"] = "US",
        ["is_deleted"] = false, ["origin_postal_code"] = "10001", ["profile_type"] = "manual",
        ["shipping_profile_destinations"] = new JsonArray(), ["shipping_profile_upgrades"] = new JsonArray(),
    }, ct);

    public Task<IResult> ReturnPoliciesAsync(HttpRequest request, string shop_id, CancellationToken ct) => OneAsync(request, shop_id, (shop, _) => new JsonObject
    {
        ["return_policy_id"] = shop.ReturnPolicyId, ["shop_id"] = shop.ShopId, ["accepts_returns"] = true, ["accepts_exchanges"] = true, ["return_deadline"] = 30,
    }, ct);

    public Task<IResult> ReadinessStatesAsync(HttpRequest request, string shop_id, CancellationToken ct) => OneAsync(request, shop_id, (shop, _) => new JsonObject
    {
        ["shop_id"] = shop.ShopId, ["readiness_state_id"] = shop.ReadinessStateId, ["readiness_state"] = "ready_to_ship",
        ["min_processing_days"] = 1, ["max_processing_days"] = 3, ["processing_days_display_label"] = "1-3 days",
    }, ct);

    /// <summary>A shop-scoped list of the one profile every sandbox shop has, as <c>{"count":1,"results":[…]}</c>.</summary>
    private async Task<IResult> OneAsync(HttpRequest request, string shopId, Func<EtsySandboxShopListings, EtsyGrant, JsonObject> profile, CancellationToken ct)
    {
        var (grant, error) = await gate.AuthorizeShopAsync(request, shopId, "shops_r", ct);
        if (error is not null) return error;
        return Results.Json(new JsonObject { ["count"] = 1, ["results"] = new JsonArray(profile(listings.Shop(grant!.ShopId), grant)) });
    }

    public async Task<IResult> TaxonomyAsync(HttpRequest request, CancellationToken ct)
    {
        if (await gate.CheckApiKeyAsync(request, ct) is { } error) return error;
        return Results.Json(new JsonObject { ["count"] = EtsySandboxTaxonomy.All.Count(n => n.ParentId is null), ["results"] = Children(null) });
    }

    private static JsonArray Children(long? parent) => new([.. EtsySandboxTaxonomy.All.Where(n => n.ParentId == parent).Select(n => (JsonNode)new JsonObject
    {
        ["id"] = n.Id, ["level"] = EtsySandboxTaxonomy.PathOf(n.Id).Count - 1, ["name"] = n.Name, ["parent_id"] = n.ParentId,
        ["children"] = Children(n.Id), ["full_path_taxonomy_ids"] = new JsonArray([.. EtsySandboxTaxonomy.PathOf(n.Id).Select(id => (JsonNode)id)]),
    })]);
}
