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
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("code", out var codeElement)) return null;
        var code = codeElement.ValueKind == JsonValueKind.String ? codeElement.GetString() : codeElement.GetRawText();
        if (string.IsNullOrEmpty(code) || code == "0") return null;
        var message = body.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
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
