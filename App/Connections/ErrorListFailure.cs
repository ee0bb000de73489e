using System.Globalization;
using System.Text.Json;

namespace Marketplaces.Connections;

/// <summary>
/// REST APIs that answer <c>{"errors":[{code, message, detail}]}</c> (Amazon SP-API, eBay) differ only in the names of the
/// code and detail fields: the kind comes from the shared status table, the text from the first error, which the seller
/// sees on a refused call.
/// </summary>
/// <param name="CodeProperty">Amazon <c>code</c>, eBay <c>errorId</c> (a number).</param>
/// <param name="DetailProperty">Amazon <c>details</c>, eBay <c>longMessage</c>.</param>
public sealed record ErrorListFailure(string MarketplaceName, string CodeProperty, string DetailProperty)
{
    public MarketplaceException From(HttpResponseMessage response, JsonDocument? json)
    {
        var general = MarketplaceHttp.Failure(response, json, MarketplaceName);
        if (json?.RootElement is not { ValueKind: JsonValueKind.Object } root
            || !root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array || errors.GetArrayLength() == 0)
            return general;
        var first = errors[0];
        var code = Text(first, CodeProperty);
        var message = Text(first, "message");
        var detail = Text(first, DetailProperty);
        var text = $"{MarketplaceName} answered {general.StatusCode}" + (code is null ? "" : $": {code}") + (message is null ? "" : $" {message}")
                   + (string.IsNullOrEmpty(detail) || detail == message ? "" : $" ({detail})");
        return new MarketplaceException(general.Kind, text, code, general.RetryAfter, general.StatusCode);
    }

    public Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct) => MarketplaceHttp.ReadJsonAsync(response, From, ct);

    public Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct) => MarketplaceHttp.EnsureSuccessAsync(response, From, ct);

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
