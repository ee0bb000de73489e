using Microsoft.Extensions.Primitives;

namespace Marketplaces.Ebay.Sandbox;

/// <summary>The parameters of eBay's consent URL (ebay.md §1.2), from the query or the consent form.</summary>
internal sealed record EbayConsentRequest(string? ClientId, string? RedirectUri, string? ResponseType, string? Scope, string? State)
{
    public IReadOnlyList<string> Scopes => EbayScopes.Parse(Scope);

    public static EbayConsentRequest From(IEnumerable<KeyValuePair<string, StringValues>> parameters)
    {
        var values = parameters.ToDictionary(p => p.Key, p => p.Value.ToString());
        return new EbayConsentRequest(values.GetValueOrDefault("client_id"), values.GetValueOrDefault("redirect_uri"),
            values.GetValueOrDefault("response_type"), values.GetValueOrDefault("scope"), values.GetValueOrDefault("state"));
    }

    /// <summary>What the consent form carries back on Approve or Deny.</summary>
    public IReadOnlyDictionary<string, string> FormFields() =>
        new Dictionary<string, string?>
        {
            ["client_id"] = ClientId, ["redirect_uri"] = RedirectUri, ["response_type"] = ResponseType, ["scope"] = Scope, ["state"] = State,
        }.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!);
}
