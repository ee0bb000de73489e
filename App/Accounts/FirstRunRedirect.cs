namespace Marketplaces.Accounts;

/// <summary>
/// First-run routing: until the owner account exists every page leads to the setup page; once it exists the
/// setup page is gone (404), whatever the method.
/// </summary>
public sealed class FirstRunRedirect(RequestDelegate next)
{
    public const string SetupPath = "/setup";

    public async Task InvokeAsync(HttpContext context, OwnerState owner)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments(SetupPath))
        {
            if (await owner.HasOwnerAsync(context.RequestAborted))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(
                    "<!DOCTYPE html><html lang=\"en\"><title>Not found</title><h1>Not found</h1>" +
                    "<p>Setup is complete. <a href=\"/\">Go to the dashboard</a>.</p></html>", context.RequestAborted);
                return;
            }
        }
        else if (HttpMethods.IsGet(context.Request.Method) && !IsInfrastructure(path) && !await owner.HasOwnerAsync(context.RequestAborted))
        {
            context.Response.Redirect(SetupPath);
            return;
        }
        await next(context);
    }

    private static bool IsInfrastructure(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content")
        || path.StartsWithSegments("/_blazor") || path.StartsWithSegments("/sandbox");
}
