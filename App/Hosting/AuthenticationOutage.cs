using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Authentication;

namespace Marketplaces.Hosting;

/// <summary>
/// Authentication swallows its handler's exceptions (the request goes on as anonymous and is sent to sign in). When the
/// failure was the database, this throws it again, so a signed-in user gets the "temporarily unavailable" page.
/// </summary>
public static class AuthenticationOutage
{
    public static IApplicationBuilder UseAuthenticationOutagePage(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var failure = context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Failure;
        if (failure is not null && DatabaseOutage.Caused(failure)) ExceptionDispatchInfo.Throw(failure);
        return next(context);
    });
}
