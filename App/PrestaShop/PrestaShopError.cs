using System.Text.Json;
using Marketplaces.Connections;

namespace Marketplaces.PrestaShop;

/// <summary>Turns a failed webservice answer (JSON <c>{"errors":[{"code","message"}]}</c>, prestashop.md §3) into a typed failure.</summary>
public static class PrestaShopError
{
    /// <summary>The failure an answer stands for: a refusal in its error body, or a success that is not JSON (not the webservice).</summary>
    public static MarketplaceException From(HttpResponseMessage response, JsonDocument? json)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return new MarketplaceException(MarketplaceErrorKind.Rejected,
                $"PrestaShop answered {status} with something other than JSON: check the store URL and that the webservice is enabled.");
        }
        var errors = Errors(json);
        var message = $"PrestaShop answered {status}" +
            (errors.Count > 0 ? ": " + string.Join("; ", errors.Select(e => $"{e.Message} ({e.Code})")) : "") +
            (response.Headers.Location is { } location ? $" and redirects to {location}: check the store URL" : "");
        // A 5xx with a webservice error body (webservice disabled, code 22) needs the seller, not a retry.
        var kind = MarketplaceHttp.KindOf(response) is MarketplaceErrorKind.Transient && errors.Count > 0 ? MarketplaceErrorKind.Rejected : MarketplaceHttp.KindOf(response);
        return new MarketplaceException(kind, message, errors.FirstOrDefault().Code, MarketplaceHttp.RetryAfterOf(response), status);
    }

    private static List<(string Code, string Message)> Errors(JsonDocument? json) =>
        json?.RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
            ? errors.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(e => (Text(e, "code"), Text(e, "message"))).ToList()
            : [];

    private static string Text(JsonElement error, string name) =>
        !error.TryGetProperty(name, out var value) ? "" : value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();
}
