using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Marketplaces.AliExpress.Sandbox;

/// <summary>
/// A gateway error in the IOP's two shapes (fact sheet §4): flat with <c>message</c> on /rest, wrapped in
/// <c>error_response</c> with <c>msg</c> on /sync. Both with HTTP 200, as observed from the real gateway.
/// </summary>
internal sealed record IopError(string Type, string Code, string Message)
{
    public static IopError IncompleteSignature(string message) => new("ISV", "IncompleteSignature", message);
    public static IopError InvalidAppkey() => new("ISV", "InvalidAppkey", "The specified app key is invalid");
    public static IopError InvalidCode(string message) => new("ISV", "InvalidCode", message);
    public static IopError IllegalRefreshToken() => new("ISV", "IllegalRefreshToken", "The specified refresh token is invalid or expired");
    public static IopError IllegalAccessToken() => new("ISV", "IllegalAccessToken", "The specified access token is invalid or expired");
    public static IopError MissingParameter(string name) =>
        new("ISV", "MissingParameter", $"The input parameter \u201c{name}\u201d that is mandatory for processing this request is not supplied.");
    public static IopError InvalidParameter(string name, string problem) => new("ISV", "InvalidParameter", $"The parameter {name} is invalid: {problem}.");
    public static IopError ApiCallLimit() => new("ISP", "ApiCallLimit", "Api access frequency exceeds the limit. this ban will last 1 seconds");
    public static IopError InvalidApiPath(string method) => new("ISV", "InvalidApiPath", $"The specified API '{method}' is not available");

    public IResult Rest() => Results.Json(new JsonObject
    {
        ["type"] = Type, ["code"] = Code, ["message"] = Message, ["request_id"] = NewRequestId(),
    });

    public IResult Sync() => Results.Json(new JsonObject
    {
        ["error_response"] = new JsonObject
        {
            ["type"] = Type, ["code"] = Code, ["msg"] = Message, ["request_id"] = NewRequestId(),
        },
    });

    public static string NewRequestId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
}
