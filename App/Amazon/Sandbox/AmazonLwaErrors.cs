namespace Marketplaces.Amazon.Sandbox;

/// <summary>Login with Amazon's token endpoint errors: RFC 6749 bodies with the descriptions amazon.md §1.2 quotes.</summary>
internal static class AmazonLwaErrors
{
    public static IResult InvalidClient() => Error(StatusCodes.Status401Unauthorized, "invalid_client", "Client authentication failed");

    /// <summary>The refresh token is unknown, revoked or the seller removed the app (observed wording).</summary>
    public static IResult InvalidRefreshToken() => Error(StatusCodes.Status400BadRequest, "invalid_grant",
        "The request has an invalid grant parameter : refresh_token. User may have revoked or didn't grant the permission.");

    /// <summary>Expired, reused or unknown code, or a redirect_uri other than the one the code was sent to.</summary>
    public static IResult InvalidGrantParameter(string parameter) =>
        Error(StatusCodes.Status400BadRequest, "invalid_grant", $"The request has an invalid grant parameter : {parameter}");

    public static IResult MissingParameter(string parameter) =>
        Error(StatusCodes.Status400BadRequest, "invalid_request", $"The request is missing a required parameter : {parameter}");

    public static IResult UnreadableBody() =>
        Error(StatusCodes.Status400BadRequest, "invalid_request", "The request body must be application/x-www-form-urlencoded or application/json");

    public static IResult UnsupportedGrantType() =>
        Error(StatusCodes.Status400BadRequest, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server");

    private static IResult Error(int status, string error, string description) =>
        Results.Json(new Dictionary<string, string> { ["error_description"] = description, ["error"] = error }, statusCode: status);
}
