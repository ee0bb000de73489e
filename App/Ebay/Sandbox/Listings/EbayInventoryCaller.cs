using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplaces.Ebay.Sandbox.Listings;

/// <summary>
/// What every Inventory and Account call checks before its own work: the seller behind the token with the scope the
/// operation needs, and for the writes a JSON body and, where the contract requires it, <c>Content-Language</c>
/// (ebay.md §1.4: without it eBay answers 400).
/// </summary>
internal sealed class EbayInventoryCaller(EbayRestApi restApi, EbayListingsEmulator emulator)
{
    /// <summary>The languages eBay's marketplaces list in (ebay.md §1.4 names en-US and de-DE; the others are eBay's site locales).</summary>
    private static readonly HashSet<string> Languages = ["en-US", "en-GB", "en-AU", "en-CA", "de-DE", "de-AT", "fr-FR", "it-IT", "es-ES", "nl-NL", "pl-PL"];

    public async Task<(EbaySandboxInventory? Inventory, IResult? Refused)> SellerAsync(HttpRequest request, IReadOnlySet<string> scopes, CancellationToken ct)
    {
        var caller = await restApi.CallerAsync(request, ct);
        if (caller is null || caller.Account.Length == 0) return (null, EbayRestApi.InvalidAccessToken());
        if (!caller.Scopes.Any(scopes.Contains)) return (null, EbayRestApi.AccessDenied());
        return (emulator.Inventory(caller.User), null);
    }

    /// <summary>The seller and the body of a write, refused as eBay refuses a call without its headers or with a body that is not a JSON object.</summary>
    public async Task<(EbaySandboxInventory? Inventory, JsonObject? Body, string Locale, IResult? Refused)> WriteAsync(
        HttpRequest request, bool languageRequired, CancellationToken ct)
    {
        var (inventory, refused) = await SellerAsync(request, new HashSet<string> { EbayScopes.Inventory }, ct);
        if (refused is not null) return (null, null, "", refused);
        var language = request.Headers.ContentLanguage.ToString();
        if (languageRequired && !Languages.Contains(language)) return (null, null, "", EbayInventoryErrors.InvalidValue("header Content-Language"));
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || type.MediaType != "application/json")
            return (null, null, "", EbayInventoryErrors.InvalidValue("header Content-Type"));
        try
        {
            if (await JsonNode.ParseAsync(request.Body, cancellationToken: ct) is JsonObject body)
                return (inventory, body, language.Replace('-', '_'), null);
        }
        catch (JsonException)
        {
        }
        return (null, null, "", EbayInventoryErrors.Error(400, 25709, "Invalid value for request body. The request body is not a valid JSON object."));
    }

    public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A JSON integer, or null when the node is absent; <paramref name="valid"/> false when it is there but not an integer.</summary>
    public static int? Integer(JsonNode? node, out bool valid)
    {
        valid = node is null || node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out _);
        return valid && node is not null ? node.GetValue<int>() : null;
    }
}
