using Marketplaces.AliExpress;
using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.AliExpress;

/// <summary>The signed token protocol and the identity resolver, against the emulator through the catalog's built-in sandbox.</summary>
public class AliExpressAdapterTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>
{
    private readonly AliExpressSandboxDriver _driver = new(app);
    private readonly IopTokenProtocol _protocol = ActivatorUtilities.CreateInstance<IopTokenProtocol>(app.Services);

    private Task<MarketplaceTarget> TargetAsync() =>
        app.Services.GetRequiredService<MarketplaceTargets>().ResolveAsync("aliexpress", MarketplaceEnvironment.BuiltInSandbox, null);

    [Fact]
    public async Task The_protocol_handles_the_catalogs_iop_signed_style_only()
    {
        var target = await TargetAsync();
        Assert.True(_protocol.Handles(target.OAuth.TokenRequestStyle));
        Assert.False(_protocol.Handles(TokenRequestStyle.Form));
        Assert.False(_protocol.Handles(TokenRequestStyle.Json));
    }

    [Fact]
    public async Task Exchanging_a_code_gives_tokens_with_the_lifetimes_the_response_states()
    {
        var started = DateTimeOffset.UtcNow;
        var tokens = await _protocol.ExchangeAsync(await TargetAsync(), await _driver.ApproveAsync(), null, CancellationToken.None);
        Assert.NotNull(tokens.RefreshToken);
        Assert.InRange(tokens.AccessTokenExpiresAt!.Value, started.AddDays(1).AddSeconds(-5), DateTimeOffset.UtcNow.AddDays(1).AddSeconds(5));
        Assert.InRange(tokens.RefreshTokenExpiresAt!.Value, started.AddDays(2).AddSeconds(-5), DateTimeOffset.UtcNow.AddDays(2).AddSeconds(5));
        Assert.Equal("buyerApp", tokens.Details["account_platform"]);
    }

    [Fact]
    public async Task The_identity_is_the_user_id_shown_by_its_login()
    {
        var target = await TargetAsync();
        var tokens = await _protocol.ExchangeAsync(target, await _driver.ApproveAsync("corner-buyer"), null, CancellationToken.None);
        var resolver = app.Services.GetServices<IIdentityResolver>().Single(r => r.MarketplaceId == "aliexpress");
        var identity = await resolver.ResolveIdentityAsync(target, tokens, new Dictionary<string, string>(), CancellationToken.None);
        Assert.Equal(tokens.Details["user_id"], identity.AccountId);
        Assert.Matches("^2[0-9]{9}$", identity.AccountId);
        Assert.Equal("corner-buyer@buyer.sandbox.example", identity.DisplayName);
    }

    [Fact]
    public async Task Refreshing_rotates_the_refresh_token_and_keeps_its_expiry()
    {
        var target = await TargetAsync();
        var first = await _protocol.ExchangeAsync(target, await _driver.ApproveAsync(), null, CancellationToken.None);
        var second = await _protocol.RefreshAsync(target, first.RefreshToken!, [], CancellationToken.None);
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Equal(first.RefreshTokenExpiresAt, second.RefreshTokenExpiresAt);

        var replay = await Assert.ThrowsAsync<MarketplaceException>(() => _protocol.RefreshAsync(target, first.RefreshToken!, [], CancellationToken.None));
        Assert.Equal(MarketplaceErrorKind.ReauthorizationRequired, replay.Kind);
        Assert.Equal("IllegalRefreshToken", replay.ErrorCode);
    }

    [Fact]
    public async Task A_used_code_means_the_seller_must_authorize_again()
    {
        var target = await TargetAsync();
        var code = await _driver.ApproveAsync();
        await _protocol.ExchangeAsync(target, code, null, CancellationToken.None);
        var failure = await Assert.ThrowsAsync<MarketplaceException>(() => _protocol.ExchangeAsync(target, code, null, CancellationToken.None));
        Assert.Equal(MarketplaceErrorKind.ReauthorizationRequired, failure.Kind);
        Assert.Equal("InvalidCode", failure.ErrorCode);
    }

    [Fact]
    public async Task A_wrong_app_secret_is_rejected_and_the_message_holds_no_secret()
    {
        var target = await TargetAsync();
        var (key, _) = await _driver.AppAsync();
        var wrong = target with { Credentials = new AppCredentials(new Dictionary<string, string> { ["appKey"] = key, ["appSecret"] = "not-the-secret" }) };
        var code = await _driver.ApproveAsync();
        var failure = await Assert.ThrowsAsync<MarketplaceException>(() => _protocol.ExchangeAsync(wrong, code, null, CancellationToken.None));
        Assert.Equal(MarketplaceErrorKind.Rejected, failure.Kind);
        Assert.Equal("IncompleteSignature", failure.ErrorCode);
        Assert.DoesNotContain("not-the-secret", failure.Message);
        Assert.DoesNotContain(code, failure.Message);
    }
}
