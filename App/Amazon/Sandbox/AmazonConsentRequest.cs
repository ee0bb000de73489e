using Marketplaces.Sandbox;

namespace Marketplaces.Amazon.Sandbox;

/// <summary>The parameters of Seller Central's consent URL (amazon.md §1.1), from the query or the consent form.</summary>
internal sealed record AmazonConsentRequest(string? ApplicationId, string? State, string? RedirectUri, string? Version)
{
    /// <summary>OAuth parameters that belong to LWA or other marketplaces, never to this URL: a client sending them is misconfigured.</summary>
    private static readonly string[] Foreign = ["client_id", "scope", "response_type", "code_challenge"];

    /// <summary>What the consent endpoint reads: the URL's own parameters, and the foreign ones to reject them.</summary>
    public static IReadOnlyCollection<string> Parameters { get; } = ["application_id", "state", "redirect_uri", "version", .. Foreign];

    public IReadOnlyList<string> ForeignParameters { get; private init; } = [];

    public static AmazonConsentRequest From(ConsentParameters parameters) =>
        new(parameters.Find("application_id"), parameters.Find("state"), parameters.Find("redirect_uri"), parameters.Find("version"))
        {
            ForeignParameters = Foreign.Where(name => parameters.Find(name) is not null).ToList(),
        };
}
