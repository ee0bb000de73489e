namespace Marketplaces.Accounts;

/// <summary>Until the owner account exists, every page leads to the setup page.</summary>
public sealed class FirstRunRedirect(RequestDelegate next)
{
    public const string SetupPath = "/setup";

    public async Task InvokeAsync(HttpContext context, OwnerState owner)
    {
        var path = context.Request.Path;
        var exempt = path.StartsWithSegments(SetupPath) || path.StartsWithSegments("/healthz")
            || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content") || path.StartsWithSegments("/sandbox");
        if (!exempt && HttpMethods.IsGet(context.Request.Method) && !await owner.HasOwnerAsync(context.RequestAborted))
        {
            context.Response.Redirect(SetupPath);
            return;
        }
        await next(context);
    }
}
