using System.Net;

namespace Marketplaces.WooCommerce.Sandbox;

/// <summary>WordPress's two error shapes: the REST <c>WP_Error</c> JSON and the <c>wp_die</c> page.</summary>
public static class WooCommerceErrors
{
    public static IResult Rest(int status, string code, string message) =>
        Results.Json(new { code, message, data = new { status } }, statusCode: status);

    public static IResult NoRoute() => Rest(404, "rest_no_route", "No route was found matching the URL and request method.");

    /// <summary>
    /// WordPress's argument validation (rest_invalid_param): one message per argument under <c>data.params</c>, the
    /// validator's error code and message under <c>data.details</c>.
    /// </summary>
    public static IResult InvalidParams(IReadOnlyDictionary<string, (string Code, string Message)> invalid) =>
        Results.Json(new
        {
            code = "rest_invalid_param",
            message = $"Invalid parameter(s): {string.Join(", ", invalid.Keys)}",
            data = new
            {
                status = 400,
                @params = invalid.ToDictionary(p => p.Key, p => p.Value.Message),
                details = invalid.ToDictionary(p => p.Key, p => new { code = p.Value.Code, message = p.Value.Message, data = (object?)null }),
            },
        }, statusCode: 400);

    /// <summary>A required argument absent (rest_missing_callback_param): the names under <c>data.params</c>.</summary>
    public static IResult MissingParams(params string[] names) =>
        Results.Json(new
        {
            code = "rest_missing_callback_param",
            message = $"Missing parameter(s): {string.Join(", ", names)}",
            data = new { status = 400, @params = names },
        }, statusCode: 400);

    public static IResult InvalidJson() => Rest(400, "rest_invalid_json", "Invalid JSON body passed.");

    /// <summary>What WordPress's fatal error handler answers a REST call with.</summary>
    public static IResult CriticalError() =>
        Results.Json(new
        {
            code = "internal_server_error",
            message = "<p>There has been a critical error on this website.</p>",
            data = new { status = 500 },
            additional_errors = Array.Empty<object>(),
        }, statusCode: 500);

    /// <summary>A list as WordPress's <c>%l</c> writes it in messages: "a, b, and c".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        2 => $"{items[0]} and {items[1]}",
        _ => $"{string.Join(", ", items.Take(items.Count - 1))}, and {items[^1]}",
    };

    /// <summary>What /wc-auth shows for a bad request: <c>wp_die("Error: …", "Access denied", 401)</c>.</summary>
    public static IResult Die(string message) =>
        Results.Content(
            "<!DOCTYPE html><html lang=\"en-US\"><head><meta charset=\"utf-8\"><title>Access denied</title></head><body id=\"error-page\">" +
            $"<div class=\"wp-die-message\">Error: {WebUtility.HtmlEncode(message)}.</div></body></html>",
            "text/html; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);
}
