using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplaces.TikTok.Sandbox;

/// <summary>TikTok's error formats: flat OAuth bodies with <c>log_id</c>, the v2 API's <c>{data, error}</c> envelope, and redirect parameters.</summary>
internal static class TikTokErrors
{
    /// <summary>
    /// Flat OAuth error. TikTok does not document the HTTP status (sheet §2.6 UNCONFIRMED); the emulator answers 400,
    /// so clients must read the body (as they must with TikTok) and not the status alone.
    /// </summary>
    public static IResult OAuth(string error, string description) =>
        Results.Json(new { error, error_description = description, log_id = LogId() }, statusCode: StatusCodes.Status400BadRequest);

    public static IResult Api(int status, string code, string message) =>
        Results.Json(new { data = new { }, error = new { code, message, log_id = LogId() } }, statusCode: status);

    public static object Ok() => new { code = "ok", message = "", log_id = LogId() };

    public static IResult Redirect(string redirectUri, string error, string description, string? state) =>
        Results.Redirect(QueryHelpers.AddQueryString(redirectUri, new Dictionary<string, string?>
        {
            ["error"] = error, ["error_description"] = description, ["state"] = state,
        }.Where(p => p.Value is not null)));

    /// <summary>Like TikTok's: UTC time to the second, then random hex ("20230504122345" + 20 hex digits).</summary>
    public static string LogId() =>
        DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + Convert.ToHexString(RandomNumberGenerator.GetBytes(10));
}
