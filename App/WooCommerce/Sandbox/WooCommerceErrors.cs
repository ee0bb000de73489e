using System.Net;

namespace Marketplaces.WooCommerce.Sandbox;

/// <summary>WordPress's two error shapes: the REST <c>WP_Error</c> JSON and the <c>wp_die</c> page.</summary>
public static class WooCommerceErrors
{
    public static IResult Rest(int status, string code, string message) =>
        Results.Json(new { code, message, data = new { status } }, statusCode: status);

    public static IResult NoRoute() => Rest(404, "rest_no_route", "No route was found matching the URL and request method.");

    /// <summary>What /wc-auth shows for a bad request: <c>wp_die("Error: …", "Access denied", 401)</c>.</summary>
    public static IResult Die(string message) =>
        Results.Content(
            "<!DOCTYPE html><html lang=\"en-US\"><head><meta charset=\"utf-8\"><title>Access denied</title></head><body id=\"error-page\">" +
            $"<div class=\"wp-die-message\">Error: {WebUtility.HtmlEncode(message)}.</div></body></html>",
            "text/html; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);
}
