using System.Text.Json;
using Marketplaces.Connections;

namespace Marketplaces.WooCommerce;

/// <summary>Turns a failed REST answer (WordPress error body <c>{"code","message","data":{"status"}}</c>) into a typed failure.</summary>
public static class WooCommerceError
{
    /// <summary>The failure an answer stands for: a refusal in its error body, or a success that is not JSON (not the REST API).</summary>
    public static MarketplaceException From(HttpResponseMessage response, JsonDocument? json)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return new MarketplaceException(MarketplaceErrorKind.Rejected,
                $"WooCommerce answered {status} with something that is not JSON: check the store URL", null, null, status);
        }
        var (code, message) = json?.RootElement is { ValueKind: JsonValueKind.Object } root ? (JsonText.Of(root, "code"), JsonText.Of(root, "message")) : (null, null);
        var text = $"WooCommerce answered {status}" + (code is null ? "" : $": {code}") + (message is null ? "" : $" ({message})")
            + (response.Headers.Location is { } location ? $" and redirects to {location}: check the store URL" : "");
        return new MarketplaceException(MarketplaceHttp.KindOf(response), text, code, MarketplaceHttp.RetryAfterOf(response), status);
    }
}
