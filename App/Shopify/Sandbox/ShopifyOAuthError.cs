using System.Text.Json.Nodes;

namespace Marketplaces.Shopify.Sandbox;

/// <summary>Token endpoint errors: HTTP 400 with <c>{"error","error_description"}</c> (fact sheet §2.1 step 6).</summary>
internal static class ShopifyOAuthError
{
    public static IResult InvalidRequest(string description) => Answer("invalid_request", description);
    public static IResult InvalidClient(string description) => Answer("invalid_client", description);
    public static IResult InvalidGrant(string description) => Answer("invalid_grant", description);
    public static IResult UnsupportedGrantType(string description) => Answer("unsupported_grant_type", description);

    private static IResult Answer(string error, string description) =>
        Results.Json(new JsonObject { ["error"] = error, ["error_description"] = description }, statusCode: StatusCodes.Status400BadRequest);
}
