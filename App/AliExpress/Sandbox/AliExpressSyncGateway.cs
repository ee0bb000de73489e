using Marketplaces.AliExpress.Sandbox.Dropship;
using Marketplaces.Catalog;
using Marketplaces.Sandbox;

namespace Marketplaces.AliExpress.Sandbox;

/// <summary>
/// <c>/sync</c>, the business-interface gateway (fact sheet §1, §3): signed without a prefix and with <c>method</c>
/// among the parameters, the buyer's access token as <c>session</c>. Each API answers inside <c>{api}_response</c>
/// (dots as underscores); an API the sandbox does not emulate gets the gateway's unknown-API error. Calls beyond an
/// API's app-wide QPS (§4's table) get <c>ApiCallLimit</c>.
/// </summary>
internal sealed class AliExpressSyncGateway(
    SandboxApps apps, SandboxGrants grants, SandboxJournal journal, SandboxRateLimits limits, SandboxDsProductApis products, SandboxDsFeedApis feeds, SandboxDsOrderApis orders, TimeProvider clock)
{
    private static readonly Dictionary<string, int> QueriesPerSecond = new(StringComparer.Ordinal)
    {
        [SandboxDsProductApis.ProductGet] = 500,
        [SandboxDsProductApis.FreightQuery] = 350,
        [SandboxDsProductApis.TextSearch] = 3,
        [SandboxDsFeedApis.FeedNames] = 1000,
        [SandboxDsFeedApis.FeedItemIds] = 3,
        [SandboxDsOrderApis.OrderCreate] = 150,
        [SandboxDsOrderApis.OrderGet] = 1000,
        [SandboxDsOrderApis.TrackingGet] = 100,
    };

    public async Task<IResult> HandleAsync(HttpRequest http, CancellationToken ct)
    {
        var app = await AliExpressSandboxApp.LoadAsync(apps, ct);
        var request = await IopGatewayRequest.ReadAsync(http, ct);
        if (request["method"] is not { } method) return IopError.InvalidApiPath("(none)").Sync();
        journal.Request(AliExpressSandbox.Id, method);
        if (request.Verify(app, apiPath: null, clock.GetUtcNow()) is { } error) return error.Sync();
        var session = await grants.FindAsync(AliExpressSandbox.Id, SandboxGrantKinds.Access, request["session"], ct);
        if (session?.Read<AliExpressTokenGrant>().AppKey != app.AppKey) return IopError.IllegalAccessToken().Sync();
        if (!QueriesPerSecond.TryGetValue(method, out var qps)) return IopError.InvalidApiPath(method).Sync();
        if (limits.Refuses(AliExpressSandbox.Id, app.AppKey, method, new OperationLimit { PerSecond = qps, Scope = LimitScope.Application }) is not null)
            return IopError.ApiCallLimit().Sync();
        var images = $"{http.Scheme}://{http.Host}{http.PathBase}/sandbox/{AliExpressSandbox.Id}";
        var answer = method switch
        {
            SandboxDsProductApis.TextSearch => products.Search(request, images),
            SandboxDsProductApis.ProductGet => products.Product(request, images),
            SandboxDsProductApis.FreightQuery => products.Freight(request),
            SandboxDsFeedApis.FeedNames => feeds.Names(),
            SandboxDsFeedApis.FeedItemIds => feeds.ItemIds(request),
            SandboxDsOrderApis.OrderCreate => orders.Create(request),
            SandboxDsOrderApis.OrderGet => orders.Get(request),
            _ => orders.Tracking(request),
        };
        if (answer.Failure is { } failure) return failure.Sync();
        answer.Body!["request_id"] = IopError.NewRequestId();
        return Results.Json(new System.Text.Json.Nodes.JsonObject { [method.Replace('.', '_') + "_response"] = answer.Body });
    }
}
