using System.Text.Json.Nodes;

namespace Marketplaces.Ebay.Sandbox.Listings;

/// <summary>
/// Account API business policies (ebay.md "Prerequisites for listing"): every seller here is opted in with one
/// fulfillment, payment and return policy per marketplace (<see cref="EbaySandboxSites"/>). <c>marketplace_id</c> is
/// required (20401) and must be one of them (20403).
/// </summary>
internal sealed class EbayPolicyEndpoints(EbayInventoryCaller caller)
{
    public Task<IResult> FulfillmentAsync(HttpRequest request, CancellationToken ct) => ListAsync(request, "fulfillmentPolicies", site => new JsonObject
    {
        ["fulfillmentPolicyId"] = site.FulfillmentPolicyId, ["name"] = "Standard shipping", ["marketplaceId"] = site.MarketplaceId, ["handlingTime"] = new JsonObject { ["unit"] = "DAY", ["value"] = 1 },
        ["categoryTypes"] = new JsonArray(new JsonObject { ["name"] = "ALL_EXCLUDING_MOTORS_VEHICLES", ["default"] = true }),
    }, ct);

    public Task<IResult> PaymentAsync(HttpRequest request, CancellationToken ct) => ListAsync(request, "paymentPolicies", site => new JsonObject
    {
        ["paymentPolicyId"] = site.PaymentPolicyId, ["name"] = "Immediate payment", ["marketplaceId"] = site.MarketplaceId, ["immediatePay"] = true,
        ["categoryTypes"] = new JsonArray(new JsonObject { ["name"] = "ALL_EXCLUDING_MOTORS_VEHICLES", ["default"] = true }),
    }, ct);

    public Task<IResult> ReturnAsync(HttpRequest request, CancellationToken ct) => ListAsync(request, "returnPolicies", site => new JsonObject
    {
        ["returnPolicyId"] = site.ReturnPolicyId, ["name"] = "30 days, buyer pays", ["marketplaceId"] = site.MarketplaceId, ["returnsAccepted"] = true,
        ["returnPeriod"] = new JsonObject { ["unit"] = "DAY", ["value"] = 30 }, ["returnShippingCostPayer"] = "BUYER",
        ["categoryTypes"] = new JsonArray(new JsonObject { ["name"] = "ALL_EXCLUDING_MOTORS_VEHICLES", ["default"] = true }),
    }, ct);

    private async Task<IResult> ListAsync(HttpRequest request, string property, Func<EbaySandboxSites.Site, JsonObject> policy, CancellationToken ct)
    {
        var (_, refused) = await caller.SellerAsync(request, EbayScopes.AccountRead, ct);
        if (refused is not null) return refused;
        var marketplace = request.Query["marketplace_id"].ToString();
        if (marketplace.Length == 0)
            return EbayInventoryErrors.Error(400, 20401, "Missing field marketplaceId.", "API_ACCOUNT", ("fieldName", "marketplaceId"));
        if (EbaySandboxSites.Find(marketplace) is not { } site)
            return EbayInventoryErrors.Error(400, 20403, "Invalid marketplaceId.", "API_ACCOUNT", ("fieldName", "marketplaceId"));
        return Results.Json(new JsonObject
        {
            ["href"] = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}",
            ["limit"] = 20, ["offset"] = 0, ["total"] = 1, [property] = new JsonArray(policy(site)),
        });
    }
}
