using Microsoft.Extensions.Primitives;

namespace Marketplaces.Amazon.Sandbox;

/// <summary>The parameters of Seller Central's consent URL (amazon.md §1.1), from the query or the consent form.</summary>
internal sealed record AmazonConsentRequest(string? ApplicationId, string? State, string? RedirectUri, string? Version)
{
    /// <summary>OAuth parameters that belong to LWA or other marketplaces, never to this URL: a client sending them is misconfigured.</summary>
    private static readonly string[] Foreign = ["client_id", "scope", "response_type", "code_challenge"];

    public IReadOnlyList<string> ForeignParameters { get; private init; } = [];

    public static AmazonConsentRequest From(IEnumerable<KeyValuePair<string, StringValues>> parameters)
    {
        var values = parameters.ToDictionary(p => p.Key, p => p.Value.ToString());
        return new AmazonConsentRequest(
            values.GetValueOrDefault("application_id"), values.GetValueOrDefault("state"),
            values.GetValueOrDefault("redirect_uri"), values.GetValueOrDefault("version"))
        {
            ForeignParameters = Foreign.Where(values.ContainsKey).ToList(),
        };
    }

    /// <summary>What the consent form carries back on Approve or Deny.</summary>
    public IReadOnlyDictionary<string, string> FormFields()
    {
        var fields = new Dictionary<string, string>();
        if (ApplicationId is not null) fields["application_id"] = ApplicationId;
        if (State is not null) fields["state"] = State;
        if (RedirectUri is not null) fields["redirect_uri"] = RedirectUri;
        if (Version is not null) fields["version"] = Version;
        return fields;
    }
}
