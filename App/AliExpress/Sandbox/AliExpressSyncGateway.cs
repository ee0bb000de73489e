using Marketplaces.Sandbox;

namespace Marketplaces.AliExpress.Sandbox;

/// <summary>
/// <c>/sync</c>, the business-interface gateway (fact sheet §1, §3): signed without a prefix and with <c>method</c>
/// among the parameters, the buyer's access token as <c>session</c>. The dropship APIs (§5) are added here by name;
/// until then every method answers the gateway's unknown-API error.
/// </summary>
internal sealed class AliExpressSyncGateway(SandboxApps apps, SandboxGrants grants, TimeProvider clock)
{
    public async Task<IResult> HandleAsync(HttpRequest http, CancellationToken ct)
    {
        var app = await AliExpressSandboxApp.LoadAsync(apps, ct);
        var request = await IopGatewayRequest.ReadAsync(http, ct);
        if (request["method"] is not { } method) return IopError.InvalidApiPath("(none)").Sync();
        if (request.Verify(app, apiPath: null, clock.GetUtcNow()) is { } error) return error.Sync();
        var session = await grants.FindAsync(AliExpressSandbox.Id, SandboxGrantKinds.Access, request["session"], ct);
        if (session?.Read<AliExpressTokenGrant>().AppKey != app.AppKey) return IopError.IllegalAccessToken().Sync();
        return IopError.InvalidApiPath(method).Sync();
    }
}
