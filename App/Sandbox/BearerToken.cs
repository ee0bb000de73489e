using System.Net.Http.Headers;

namespace Marketplaces.Sandbox;

/// <summary>
/// The token of an <c>Authorization: Bearer …</c> header as servers read it: the scheme in any case (RFC 7235 §2.1:
/// auth schemes are case-insensitive; clients send "bearer" as well as "Bearer"), the header name in any case (HTTP).
/// </summary>
public static class BearerToken
{
    /// <returns>Null when there is no bearer token.</returns>
    public static string? Of(HttpRequest request) =>
        AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
        && header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) && header.Parameter is { Length: > 0 } token
            ? token.Trim()
            : null;
}
