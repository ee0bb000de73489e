using System.Text.Json.Serialization;
using Marketplaces.Sandbox;

namespace Marketplaces.Amazon.Sandbox;

/// <summary>
/// What every Selling Partner API call in the emulator shares (amazon.md §1.3, §3): the seller is whoever the
/// <c>x-amz-access-token</c> belongs to (a bad token and a role the seller's authorization lacks both get 403
/// <c>Unauthorized</c>), SigV4 headers are ignored, errors are <c>{"errors":[…]}</c>.
/// </summary>
internal sealed class AmazonSpApi(SandboxGrants grants)
{
    /// <summary>The seller the request's access token was issued to, or SP-API's 403 when the token is missing, unknown or expired.</summary>
    public Task<(AmazonSandboxAccount? Seller, IResult? Refusal)> AuthorizeAsync(HttpRequest request, CancellationToken ct) =>
        AuthorizeAsync(request, _ => true, ct);

    /// <summary>The same, and also SP-API's 403 for a seller <paramref name="permitted"/> refuses (its authorization lacks the operation's role).</summary>
    public async Task<(AmazonSandboxAccount? Seller, IResult? Refusal)> AuthorizeAsync(
        HttpRequest request, Func<AmazonSandboxAccount, bool> permitted, CancellationToken ct)
    {
        var token = request.Headers["x-amz-access-token"].ToString();
        var grant = await grants.FindAsync(AmazonEmulator.Id, SandboxGrantKinds.Access, token, ct);
        if (grant is null)
        {
            var expired = await grants.HasExpiredAsync(AmazonEmulator.Id, SandboxGrantKinds.Access, token, ct);
            return (null, Unauthorized(expired
                ? "The access token you provided has expired."
                : "The access token you provided is revoked, malformed or invalid."));
        }
        var seller = grant.Read<AmazonAuthorization>().Seller;
        // Amazon denies a call outside the app's roles with the same code and empty details (amzn/selling-partner-api-models #799, #943).
        return permitted(seller) ? (seller, null) : (null, Unauthorized(""));
    }

    /// <summary>SP-API refuses a bad token with 403, not 401 (observed bodies, amazon.md §3).</summary>
    private static IResult Unauthorized(string details) =>
        Errors(StatusCodes.Status403Forbidden, "Unauthorized", "Access to requested resource is denied.", details);

    /// <summary>The 400 every SP-API model uses for a parameter or body it cannot accept.</summary>
    public static IResult InvalidInput(string message, string? details = null) => Errors(StatusCodes.Status400BadRequest, "InvalidInput", message, details);

    public static IResult NotFound(string message) => Errors(StatusCodes.Status404NotFound, "NotFound", message);

    /// <summary>An operation Amazon serves but the sandbox does not (Orders v0 reads, deprecated until 27 Mar 2027, amazon.md §4).</summary>
    public static IResult NotEmulated(HttpRequest request) => Errors(StatusCodes.Status404NotFound, "NotFound",
        $"The built-in sandbox does not emulate {request.Method} /{request.RouteValues["operation"]}.",
        "Emulated: Orders 2026-01-01 searchOrders and getOrder, Orders v0 confirmShipment, Sellers getMarketplaceParticipations. "
        + "Orders v0 reads are deprecated by Amazon; use Orders 2026-01-01.");

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
