using Marketplaces.Catalog;

namespace Marketplaces.Connections;

/// <summary>
/// One marketplace in one environment for one account, with every URL resolved and validated and the app
/// credentials loaded: everything an exchange, refresh, revoke or API call needs.
/// </summary>
public sealed record MarketplaceTarget(
    MarketplaceDefinition Marketplace,
    MarketplaceEnvironment Environment,
    string? AccountParameter,
    ResolvedEndpoints Endpoints,
    AppCredentials Credentials,
    string RedirectUri)
{
    public OAuthDefinition OAuth => Marketplace.OAuth
        ?? throw new InvalidOperationException($"{Marketplace.Name} does not use OAuth");
}

public sealed record ResolvedEndpoints(
    string AuthorizeUrl, string TokenUrl, string RefreshUrl, string? RevokeUrl, string ApiBaseUrl, IReadOnlyDictionary<string, string> Urls)
{
    public string Url(string name) => Urls.TryGetValue(name, out var url) ? url
        : throw new InvalidOperationException($"The catalog names no '{name}' URL for this environment");
}

/// <summary>An app's registered credentials (client id, secret, RuName…) by catalog credential key.</summary>
/// <param name="previous">Secrets as they were before a replacement in the last hour (<see cref="AppCredentialStore.PreviousSecretLasts"/>).</param>
public sealed class AppCredentials(IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string>? previous = null)
{
    /// <summary>The secret's value and, within an hour of its replacement, the one before: each verifies a signature.</summary>
    public IEnumerable<string> Both(string key) => new[] { Get(key), previous?.GetValueOrDefault(key) }.OfType<string>();

    public string this[string key] => values.TryGetValue(key, out var value) && value.Length > 0
        ? value
        : throw new InvalidOperationException($"App credential '{key}' is not set");

    public string? Get(string key) => values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    public override string ToString() => $"AppCredentials({string.Join(", ", values.Keys)})";
}
