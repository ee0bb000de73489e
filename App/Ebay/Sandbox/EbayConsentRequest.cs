using Marketplaces.Sandbox;

namespace Marketplaces.Ebay.Sandbox;

/// <summary>The parameters of eBay's consent URL (ebay.md §1.2), from the query or the consent form.</summary>
internal sealed record EbayConsentRequest(string? ClientId, string? RedirectUri, string? ResponseType, string? Scope, string? State)
{
    public static IReadOnlyCollection<string> Parameters { get; } = ["client_id", "redirect_uri", "response_type", "scope", "state"];

    public IReadOnlyList<string> Scopes => EbayScopes.Parse(Scope);

    public static EbayConsentRequest From(ConsentParameters parameters) =>
        new(parameters.Find("client_id"), parameters.Find("redirect_uri"), parameters.Find("response_type"), parameters.Find("scope"),
            parameters.Find("state"));
}
