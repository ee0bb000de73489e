using System.Text.Json.Serialization;
using Marketplaces.Sandbox;

namespace Marketplaces.Ebay.Sandbox;

/// <summary>
/// What every eBay REST call in the emulator shares (ebay.md §1.4, §3): the caller is whoever the Bearer token
/// belongs to, and errors are <c>{"errors":[{errorId, domain, category, message, longMessage}]}</c>.
/// </summary>
internal sealed class EbayRestApi(SandboxGrants grants)
{
    /// <summary>The authorization behind the request's access token, or null when it is missing, unknown or expired.</summary>
    public async Task<EbayAuthorization?> CallerAsync(HttpRequest request, CancellationToken ct)
    {
        if (BearerToken.Of(request) is not { } token) return null;
        var grant = await grants.FindAsync(EbayEmulator.Id, SandboxGrantKinds.Access, token, ct);
        return grant?.Read<EbayAuthorization>();
    }

    /// <summary>Observed message; the id 1001 is from memory of eBay's common errors (ebay.md §3 flags it unverified).</summary>
    public static IResult InvalidAccessToken() => Error(StatusCodes.Status401Unauthorized,
        new EbayError(1001, "OAuth", "REQUEST", "Invalid access token", "Invalid access token. Check the value of the Authorization HTTP request header."));

    /// <summary>The token lacks the operation's scope (id 1100, from memory like 1001).</summary>
    public static IResult AccessDenied() => Error(StatusCodes.Status403Forbidden,
        new EbayError(1100, "API_IDENTITY", "REQUEST", "Access denied", "Insufficient permissions to fulfill the request."));

    private static IResult Error(int status, EbayError error) => Results.Json(new { errors = new[] { error } }, statusCode: status);

    private sealed record EbayError(
        int ErrorId, string Domain, string Category, string Message,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LongMessage);
}
