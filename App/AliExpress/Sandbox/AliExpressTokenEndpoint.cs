using System.Text.Json.Nodes;
using Marketplaces.Sandbox;

namespace Marketplaces.AliExpress.Sandbox;

/// <summary>
/// The system interfaces <c>/rest/auth/token/create</c> and <c>/rest/auth/token/refresh</c> (fact sheet §2.2-§2.3):
/// signed with the API path as prefix; codes are single use; each refresh rotates the refresh token but keeps its
/// original expiry, so the buyer re-authorizes when it runs out.
/// </summary>
internal sealed class AliExpressTokenEndpoint(
    SandboxApps apps, SandboxGrants grants, SandboxJournal journal, SandboxOptions options, TimeProvider clock)
{
    public async Task<IResult> CreateAsync(HttpRequest http, CancellationToken ct)
    {
        journal.Request(AliExpressSandbox.Id, "token");
        var app = await AliExpressSandboxApp.LoadAsync(apps, ct);
        var request = await IopGatewayRequest.ReadAsync(http, ct);
        if (request.Verify(app, IopTokenProtocol.CreateTokenPath, clock.GetUtcNow()) is { } error) return error.Rest();
        // The reference says a uuid parameter on token create makes a valid code fail.
        if (request["uuid"] is not null) return IopError.InvalidCode("uuid must not be sent with the code").Rest();
        var code = await grants.ConsumeAsync(AliExpressSandbox.Id, SandboxGrantKinds.Code, request["code"], ct);
        if (code?.Read<AliExpressCodeGrant>() is not { } granted || granted.AppKey != app.AppKey)
            return IopError.InvalidCode("The code is invalid, expired or already used").Rest();
        var now = clock.GetUtcNow();
        return await IssueAsync(app, granted.Account, now, now + options.For(AliExpressSandbox.Id).Refresh(AliExpressSandbox.RefreshTokenLifetime), ct);
    }

    public async Task<IResult> RefreshAsync(HttpRequest http, CancellationToken ct)
    {
        journal.Request(AliExpressSandbox.Id, "refresh");
        var app = await AliExpressSandboxApp.LoadAsync(apps, ct);
        var request = await IopGatewayRequest.ReadAsync(http, ct);
        if (request.Verify(app, IopTokenProtocol.RefreshTokenPath, clock.GetUtcNow()) is { } error) return error.Rest();
        var refresh = await grants.ConsumeAsync(AliExpressSandbox.Id, SandboxGrantKinds.Refresh, request["refresh_token"], ct);
        if (refresh?.Read<AliExpressTokenGrant>() is not { } granted || granted.AppKey != app.AppKey)
            return IopError.IllegalRefreshToken().Rest();
        return await IssueAsync(app, granted.Account, clock.GetUtcNow(), granted.RefreshValidUntil, ct);
    }

    private async Task<IResult> IssueAsync(
        AliExpressSandboxApp app, string accountName, DateTimeOffset now, DateTimeOffset refreshValidUntil, CancellationToken ct)
    {
        var accessLifetime = options.For(AliExpressSandbox.Id).Access(AliExpressSandbox.AccessTokenLifetime);
        var grant = new AliExpressTokenGrant(app.AppKey, accountName, refreshValidUntil);
        var accessToken = await grants.IssueAsync(AliExpressSandbox.Id, SandboxGrantKinds.Access, grant, accessLifetime, "50000", ct);
        var refreshToken = await grants.IssueAsync(AliExpressSandbox.Id, SandboxGrantKinds.Refresh, grant, refreshValidUntil - now, "50001", ct);
        var account = new AliExpressSandboxAccount(accountName);
        return Results.Json(new JsonObject
        {
            ["access_token"] = accessToken,
            ["refresh_token"] = refreshToken,
            ["expires_in"] = (long)accessLifetime.TotalSeconds,
            ["expire_time"] = (now + accessLifetime).ToUnixTimeMilliseconds(),
            ["refresh_expires_in"] = (long)(refreshValidUntil - now).TotalSeconds,
            ["refresh_token_valid_time"] = refreshValidUntil.ToUnixTimeMilliseconds(),
            ["user_id"] = account.UserId,
            ["seller_id"] = account.UserId,
            ["havana_id"] = account.HavanaId,
            ["account"] = account.Account,
            ["user_nick"] = account.UserNick,
            ["account_platform"] = "buyerApp",
            ["locale"] = "en_US",
            ["sp"] = "ae",
            ["code"] = "0",
            ["request_id"] = IopError.NewRequestId(),
        });
    }
}
