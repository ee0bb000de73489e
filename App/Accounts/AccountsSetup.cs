using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Marketplaces.Database;

namespace Marketplaces.Accounts;

public static class AccountsSetup
{
    public const string SignInPath = "/account/sign-in";

    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentityCore<IdentityUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                PasswordRules.Apply(o.Password);
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<PlainIdentityErrors>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        // Every request checks the cookie's security stamp, so a session ended by sign-out, a password or role change or
        // the user's removal is refused at once, even when an old cookie is replayed (one indexed read per request).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = SignInPath;
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "Marketplaces.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = context => Challenge(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => Challenge(context, StatusCodes.Status403Forbidden);
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "Marketplaces.Antiforgery";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.Owner, policy => policy.RequireRole(Roles.Owner));
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();
        services.AddSingleton<OwnerState>();
        services.AddScoped<OwnerSetup>();
        services.AddSingleton<StaffAccounts>();
        services.AddSingleton<UnknownUserCost>();
        builder.AddReverseProxySupport();
    }

    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/account/sign-out", async (SignInManager<IdentityUser> signIn, System.Security.Claims.ClaimsPrincipal principal, [FromForm] string? returnUrl) =>
        {
            // A new security stamp ends every session of this user, this cookie included wherever a copy of it is.
            if (await signIn.UserManager.GetUserAsync(principal) is { } user) await signIn.UserManager.UpdateSecurityStampAsync(user);
            await signIn.SignOutAsync();
            return Results.LocalRedirect(SignInPath);
        });

    /// <summary>Pages a person opens get the sign-in page; anything else (fetches, form posts, APIs) gets a status code.</summary>
    private static Task Challenge(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var request = context.Request;
        var isPage = HttpMethods.IsGet(request.Method) && request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal);
        if (isPage) context.Response.Redirect(context.RedirectUri);
        else context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    /// <summary>
    /// <c>ReverseProxy:Enabled</c> honours X-Forwarded-For/-Proto/-Host from the proxies listed in
    /// <c>ReverseProxy:KnownProxies</c> (addresses) and <c>ReverseProxy:KnownNetworks</c> (CIDR); loopback is always known.
    /// </summary>
    private static void AddReverseProxySupport(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("ReverseProxy");
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in section.GetSection("KnownProxies").Get<string[]>() ?? []) o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            foreach (var network in section.GetSection("KnownNetworks").Get<string[]>() ?? []) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
    }

    public static bool ReverseProxyEnabled(this IConfiguration configuration) => configuration.GetValue<bool>("ReverseProxy:Enabled");
}
