using System.Text.RegularExpressions;
using Marketplaces.Catalog;
using Marketplaces.Sandbox;

namespace Marketplaces.Connections;

/// <summary>
/// Resolves a marketplace, environment and account parameter into a <see cref="MarketplaceTarget"/>: the account
/// parameter is validated against the catalog's pattern before it goes anywhere near a URL, templates are filled,
/// and the app credentials are loaded.
/// </summary>
public sealed class MarketplaceTargets(MarketplaceCatalog catalog, AppCredentialStore credentials, PublicUrls urls, SandboxOptions sandbox)
{
    public async Task<MarketplaceTarget> ResolveAsync(
        string marketplaceId, MarketplaceEnvironment environment, string? accountParameter, CancellationToken ct = default)
    {
        var marketplace = catalog[marketplaceId];
        var endpoints = Endpoints(marketplace, environment, accountParameter, out var normalized);
        var appCredentials = await credentials.GetAsync(marketplaceId, environment, ct);
        var redirectUri = marketplace.OAuth?.RedirectUriCredential is { } credential
            ? appCredentials[credential]
            : urls.Callback(marketplaceId);
        return new MarketplaceTarget(marketplace, environment, normalized, endpoints, appCredentials, redirectUri);
    }

    /// <summary>The environments a seller can connect in (the built-in sandbox only when enabled).</summary>
    public IEnumerable<MarketplaceEnvironment> Environments(MarketplaceDefinition marketplace) =>
        Enum.GetValues<MarketplaceEnvironment>()
            .Where(e => marketplace.Endpoints(e) is not null && (e != MarketplaceEnvironment.BuiltInSandbox || sandbox.Enabled == true));

    public ResolvedEndpoints Endpoints(MarketplaceDefinition marketplace, MarketplaceEnvironment environment, string? accountParameter, out string? normalized)
    {
        if (environment == MarketplaceEnvironment.BuiltInSandbox && sandbox.Enabled != true)
            throw new InvalidAccountParameterException("The built-in sandbox is switched off (setting Sandbox:Enabled).");
        var endpoints = marketplace.Endpoints(environment)
            ?? throw new InvalidAccountParameterException($"{marketplace.Name} has no {environment} environment.");
        normalized = Validate(marketplace, environment, accountParameter);
        var region = marketplace.AccountParameter?.Name == "region" && normalized is not null
            ? endpoints.Regions?.GetValueOrDefault(normalized)
            : null;
        var parameter = normalized;
        string Fill(string? template) => template is null or "" ? "" : template
            .Replace("{sandbox}", urls.SandboxRoot, StringComparison.Ordinal)
            .Replace("{shop}", parameter, StringComparison.Ordinal)
            .Replace("{store}", parameter, StringComparison.Ordinal);
        var token = Fill(endpoints.TokenUrl);
        return new ResolvedEndpoints(
            Fill(region?.AuthorizeUrl is { Length: > 0 } a ? a : endpoints.AuthorizeUrl),
            token,
            endpoints.RefreshUrl is { Length: > 0 } r ? Fill(r) : token,
            endpoints.RevokeUrl is { Length: > 0 } v ? Fill(v) : null,
            Fill(region?.ApiBaseUrl is { Length: > 0 } b ? b : endpoints.ApiBaseUrl),
            endpoints.Urls.ToDictionary(u => u.Key, u => Fill(u.Value)));
    }

    private static string? Validate(MarketplaceDefinition marketplace, MarketplaceEnvironment environment, string? value)
    {
        var parameter = marketplace.AccountParameter;
        if (parameter is null) return null;
        var candidate = value?.Trim() ?? "";
        if (parameter.Name != "store") candidate = candidate.ToLowerInvariant();
        candidate = candidate.TrimEnd('/');
        var key = environment == MarketplaceEnvironment.MarketplaceSandbox ? nameof(MarketplaceEnvironment.Production) : environment.ToString();
        var pattern = parameter.Patterns.GetValueOrDefault(key)
            ?? throw new InvalidAccountParameterException($"{parameter.Label} has no validation rule for {environment}.");
        if (candidate.Length == 0 || candidate.Length > 255 || !Regex.IsMatch(candidate, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            throw new InvalidAccountParameterException($"'{value}' is not a valid {parameter.Label.ToLowerInvariant()}" +
                (parameter.Hint is null ? "." : $" (expected something like {parameter.Hint})."));
        return candidate;
    }
}

/// <summary>A shop domain, store URL or region that failed validation; the message is meant for the seller.</summary>
public sealed class InvalidAccountParameterException(string message) : Exception(message);
