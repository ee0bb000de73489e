namespace Marketplaces.Ebay.Sandbox;

/// <summary>
/// The token endpoint's errors: RFC 6749 bodies with eBay's lower-case wording (ebay.md §1.3 quotes the two
/// invalid_grant descriptions; the others are this emulator's, the sheet being silent on them).
/// </summary>
internal static class EbayOAuthErrors
{
    public static IResult InvalidClient() => Error(StatusCodes.Status401Unauthorized, "invalid_client", "client authentication failed");

    public static IResult InvalidCode() => Error(StatusCodes.Status400BadRequest, "invalid_grant",
        "the provided authorization grant code is invalid or was issued to another client");

    public static IResult InvalidRefreshToken() => Error(StatusCodes.Status400BadRequest, "invalid_grant",
        "the provided authorization refresh token is invalid or was issued to another client");

    public static IResult InvalidScope() => Error(StatusCodes.Status400BadRequest, "invalid_scope",
        "the requested scope is invalid, unknown, malformed, or exceeds the scope granted to the resource owner");

    public static IResult MissingParameter(string parameter) =>
        Error(StatusCodes.Status400BadRequest, "invalid_request", $"request is missing a required parameter: {parameter}");

    public static IResult NotAForm() =>
        Error(StatusCodes.Status400BadRequest, "invalid_request", "request body must be application/x-www-form-urlencoded");

    public static IResult UnsupportedGrantType() => Error(StatusCodes.Status400BadRequest, "unsupported_grant_type", "unsupported grant type");

    private static IResult Error(int status, string error, string description) =>
        Results.Json(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description }, statusCode: status);
}
