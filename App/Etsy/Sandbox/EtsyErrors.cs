using Microsoft.AspNetCore.WebUtilities;

namespace Marketplaces.Etsy.Sandbox;

/// <summary>Etsy's error formats: OAuth bodies on the token endpoint, <c>ErrorSchema</c> on the API, OAuth parameters on redirects.</summary>
internal static class EtsyErrors
{
    public static IResult Token(string error, string description) =>
        Results.Json(new { error, error_description = description }, statusCode: StatusCodes.Status400BadRequest);

    public static IResult Api(int status, string error) => Results.Json(new { error }, statusCode: status);

    public static IResult InvalidToken(string description) =>
        Results.Json(new { error = "invalid_token", error_description = description }, statusCode: StatusCodes.Status401Unauthorized);

    /// <summary>Once the redirect URI is known to be registered, authorize errors go back to it (RFC 6749 §4.1.2.1).</summary>
    public static IResult Redirect(string redirectUri, string error, string description, string? state) =>
        Results.Redirect(QueryHelpers.AddQueryString(redirectUri, new Dictionary<string, string?>
        {
            ["error"] = error, ["error_description"] = description, ["state"] = state,
        }.Where(p => p.Value is not null)));
}
