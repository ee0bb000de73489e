using System.Text.Json.Serialization;
using Marketplaces.Sandbox;

namespace Marketplaces.Amazon.Sandbox;

/// <summary>
/// What every Selling Partner API call in the emulator shares (amazon.md §1.3, §3): the seller is whoever the
/// <c>x-amz-access-token</c> belongs to, SigV4 headers are ignored, errors are <c>{"errors":[…]}</c>.
/// </summary>
internal sealed class AmazonSpApi(SandboxGrants grants)
{
    /// <summary>The seller the request's access token was issued to, or null when the token is missing, unknown or expired.</summary>
    public async Task<AmazonSandboxAccount?> CallerAsync(HttpRequest request, CancellationToken ct)
    {
        var grant = await grants.FindAsync(AmazonEmulator.Id, SandboxGrantKinds.Access, request.Headers["x-amz-access-token"].ToString(), ct);
        return grant?.Read<AmazonAuthorization>().Seller;
    }

    /// <summary>SP-API refuses a bad token with 403, not 401 (observed body).</summary>
    public static IResult Unauthorized() => Errors(StatusCodes.Status403Forbidden, "Unauthorized",
        "Access to requested resource is denied.", "The access token you provided is revoked, malformed or invalid.");

    /// <summary>The 400 every SP-API model uses for a parameter or body it cannot accept.</summary>
    public static IResult InvalidInput(string message, string? details = null) => Errors(StatusCodes.Status400BadRequest, "InvalidInput", message, details);

    public static IResult NotFound(string message) => Errors(StatusCodes.Status404NotFound, "NotFound", message);

    public static IResult InternalFailure() => Errors(StatusCodes.Status500InternalServerError, "InternalFailure", "We encountered an internal error. Please try again.");

    public static IResult Errors(int status, string code, string message, string? details = null) =>
        Results.Json(new { errors = new[] { new SpApiError(code, message, details) } }, statusCode: status);

    /// <summary>The headers successful SP-API responses carry: the operation's rate and a request id.</summary>
    public static void Success(HttpResponse response, string rateLimit)
    {
        response.Headers["x-amzn-RateLimit-Limit"] = rateLimit;
        response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
    }

    private sealed record SpApiError(
        string Code, string Message, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Details);
}
