using Marketplaces.Catalog;

namespace Marketplaces.Connections;

/// <summary>
/// What is truly particular to one marketplace when connecting. Everything that is data lives in the catalog;
/// the engine calls these hooks only where the data cannot say it. Implementations are discovered by reflection,
/// one per catalog entry (a convention test checks that).
/// </summary>
public interface IMarketplaceAdapter
{
    string MarketplaceId { get; }
}

/// <summary>OAuth marketplaces: who authorized, read from the token response, the callback, or one API call.</summary>
public interface IIdentityResolver : IMarketplaceAdapter
{
    Task<AccountIdentity> ResolveIdentityAsync(
        MarketplaceTarget target, TokenSet tokens, IReadOnlyDictionary<string, string> callback, CancellationToken ct);
}

/// <summary>Extra checks on the OAuth callback before anything is exchanged (Shopify's HMAC and shop match).</summary>
public interface ICallbackVerifier : IMarketplaceAdapter
{
    /// <returns>null when the callback is genuine, otherwise a message for the seller.</returns>
    string? Verify(MarketplaceTarget target, IReadOnlyDictionary<string, string> callback);
}

/// <summary>A token endpoint protocol the catalog names in <see cref="OAuthDefinition.TokenRequestStyle"/>.</summary>
public interface ITokenProtocol
{
    bool Handles(TokenRequestStyle style);
    Task<TokenSet> ExchangeAsync(MarketplaceTarget target, string code, string? codeVerifier, CancellationToken ct);
    Task<TokenSet> RefreshAsync(MarketplaceTarget target, string refreshToken, IReadOnlyList<string> scopes, CancellationToken ct);
}

/// <summary>Key-based marketplaces (WooCommerce, PrestaShop): the keys a seller enters, checked with a real call.</summary>
public interface IKeyConnector : IMarketplaceAdapter
{
    /// <summary>The secrets a seller types in, by vault kind (consumerKey, consumerSecret, webserviceKey).</summary>
    IReadOnlyList<KeyField> Fields { get; }

    /// <summary>Makes a real, read-only call with the keys; throws <see cref="MarketplaceException"/> when they do not work.</summary>
    Task<AccountIdentity> VerifyAsync(MarketplaceTarget target, IReadOnlyDictionary<string, string> keys, CancellationToken ct);
}

public sealed record KeyField(string Kind, string Label, string? Hint = null);
