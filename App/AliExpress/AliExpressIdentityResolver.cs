using Marketplaces.Connections;

namespace Marketplaces.AliExpress;

/// <summary>The token response itself names the buyer account (fact sheet §2.2): no API call needed.</summary>
public sealed class AliExpressIdentityResolver : IIdentityResolver
{
    public string MarketplaceId => "aliexpress";

    public Task<AccountIdentity> ResolveIdentityAsync(
        MarketplaceTarget target, TokenSet tokens, IReadOnlyDictionary<string, string> callback, CancellationToken ct)
    {
        var userId = tokens.Details.GetValueOrDefault("user_id")
            ?? throw new MarketplaceException(MarketplaceErrorKind.Rejected, "AliExpress's token response names no user_id");
        var name = tokens.Details.GetValueOrDefault("account") ?? tokens.Details.GetValueOrDefault("user_nick") ?? userId;
        return Task.FromResult(new AccountIdentity(userId, name));
    }
}
