using System.Text.Json;
using Marketplaces.Connections;

namespace Marketplaces.AliExpress;

/// <summary>
/// The IOP gateway's error codes as <see cref="MarketplaceException"/> kinds. The gateway answers errors with
/// HTTP 200, so success is decided by the body's <c>code</c>: absent, empty or "0" (fact sheet §4).
/// </summary>
public static class IopFailure
{
    /// <summary>"Api access frequency exceeds the limit. this ban will last 1 seconds."</summary>
    private static readonly TimeSpan RateLimitBan = TimeSpan.FromSeconds(2);

    /// <returns>The error a flat /rest body carries, or null when it reports success.</returns>
    public static MarketplaceException? FromRestBody(JsonElement body, int statusCode)
    {
        if (body.ValueKind != JsonValueKind.Object || Text(body, "code") is not { Length: > 0 } code || code == "0") return null;
        return Failure(code, Text(body, "message"), statusCode);
    }

    /// <returns>The error of a /sync body's <c>error_response</c> (<c>msg</c>, with <c>sub_code</c>/<c>sub_msg</c>), or null when it has none.</returns>
    public static MarketplaceException? FromSyncBody(JsonElement body, int statusCode)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("error_response", out var error) || error.ValueKind != JsonValueKind.Object) return null;
        if (Text(error, "code") is not { Length: > 0 } code || code == "0") return null;
        var message = string.Join(": ", new[] { Text(error, "msg"), Text(error, "sub_msg") ?? Text(error, "sub_code") }.Where(t => !string.IsNullOrEmpty(t)));
        return Failure(code, message.Length == 0 ? null : message, statusCode);
    }

    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;

    private static MarketplaceException Failure(string code, string? message, int statusCode)
    {
        var kind = code switch
        {
            "InvalidCode" or "IllegalRefreshToken" or "IllegalAccessToken" => MarketplaceErrorKind.ReauthorizationRequired,
            "ApiCallLimit" => MarketplaceErrorKind.RateLimited,
            "ServiceUnavailable" => MarketplaceErrorKind.Transient,
            _ => MarketplaceErrorKind.Rejected,
        };
        return new MarketplaceException(kind, $"AliExpress answered {code}" + (message is null ? "" : $" ({message})"), code,
            kind == MarketplaceErrorKind.RateLimited ? RateLimitBan : null, statusCode);
    }
}
