using System.Net;
using Microsoft.AspNetCore.Diagnostics;

namespace Marketplaces.Hosting;

/// <summary>
/// What a failed request answers: 503 "temporarily unavailable" when the database is out of reach, 500 "something went
/// wrong" with a reference otherwise. Plain pages written here, not Razor pages: rendering those needs the database.
/// </summary>
public static partial class ErrorPages
{
    public static IApplicationBuilder UseErrorPages(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteAsync });

    private static async Task WriteAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var outage = error is not null && DatabaseOutage.Caused(error);
        var reference = context.TraceIdentifier;
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ErrorPages));
        if (outage) LogOutage(logger, reference);
        else LogFailure(logger, reference);

        var response = context.Response;
        response.StatusCode = outage ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        if (outage) response.Headers.RetryAfter = "30";
        response.Headers.CacheControl = "no-store";
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(outage ? Unavailable : Failed(reference), context.RequestAborted);
    }

    private static readonly string Unavailable = Page("Temporarily unavailable", """
        <p>Marketplaces cannot reach its database just now. Nothing you saved is lost.</p>
        <p>Try again in a minute: <a href="/">reload the dashboard</a>. If this lasts, the server's operator should check
        that the database is running (its state is on <a href="/healthz">/healthz</a>).</p>
        """);

    private static string Failed(string reference) => Page("Something went wrong", $"""
        <p>This page failed on our side; nothing you saved before it is lost. <a href="/">Back to the dashboard</a>.</p>
        <p>The error is in the server's log under reference <code>{WebUtility.HtmlEncode(reference)}</code>.</p>
        """);

    private static string Page(string title, string body) => $$"""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
        <title>{{title}} · Marketplaces</title>
        <style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#222}</style></head>
        <body><h1>{{title}}</h1>
        {{body}}
        </body></html>
        """;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is out of reach: request {Reference} got the unavailable page")]
    private static partial void LogOutage(ILogger logger, string reference);

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Reference} failed and got the error page")]
    private static partial void LogFailure(ILogger logger, string reference);
}
