using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Parser;
using Marketplaces.Accounts;
using Marketplaces.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Accounts;

/// <summary>Issue 12, points 1–3: ended sessions stay ended, sign-in timing names no account, every connection route is the owner's.</summary>
public sealed class SessionTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => app.EnsureStaffAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_signed_out_session_cookie_replayed_later_is_refused()
    {
        var jar = new CookieContainer();
        var client = new HttpClient(new CookieContainerHandler(jar) { InnerHandler = app.Server.CreateHandler() }) { BaseAddress = app.Server.BaseAddress };
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var signedIn = await HtmlForms.SubmitAsync(client, "/account/sign-in", "sign-in",
            new Dictionary<string, string> { ["Input.Email"] = TestUsers.OwnerEmail, ["Input.Password"] = TestUsers.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        // A copy of the session cookie, as an attacker who read it from the seller's machine would replay it.
        var copy = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        copy.DefaultRequestHeaders.Add("Cookie", jar.GetCookieHeader(app.Server.BaseAddress));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/orders")).StatusCode);
        var page = await client.GetStringAsync("/orders");
        var token = new HtmlParser().ParseDocument(page).QuerySelector("form[action='account/sign-out'] input[name=__RequestVerificationToken]")!
            .GetAttribute("value")!;

        var signedOut = await client.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var replayed = await copy.GetAsync("/orders");
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/account/sign-in", replayed.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_sign_in_with_an_unknown_email_takes_as_long_as_one_with_a_wrong_password()
    {
        static async Task<TimeSpan> Median(Func<Task> attempt)
        {
            var times = new List<TimeSpan>();
            for (var i = 0; i < 3; i++)
            {
                var clock = Stopwatch.StartNew();
                await attempt();
                times.Add(clock.Elapsed);
            }
            return times.Order().ElementAt(1);
        }
        var signIn = app.Services.GetRequiredService<UnknownUserCost>();
        var hasher = app.Services.GetRequiredService<IPasswordHasher<IdentityUser>>();
        var known = hasher.HashPassword(new IdentityUser(), "a password of the owner");

        var knownCost = await Median(() => Task.Run(() => hasher.VerifyHashedPassword(new IdentityUser(), known, "wrong password")));
        var unknownCost = await Median(() => Task.Run(() => signIn.Spend("wrong password")));

        // The same hasher with the same work factor: within a factor of two on a noisy machine, where skipping it costs ~1 %.
        Assert.True(unknownCost > knownCost / 2, $"unknown {unknownCost.TotalMilliseconds} ms, known {knownCost.TotalMilliseconds} ms");
        var form = await HtmlForms.SubmitAsync(app.CreateBrowserLikeClient(), "/account/sign-in", "sign-in",
            new Dictionary<string, string> { ["Input.Email"] = "nobody@example.com", ["Input.Password"] = "wrong password" });
        Assert.Contains("Sign-in failed.", await form.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Staff_cannot_complete_a_woocommerce_store_return()
    {
        var staff = await app.SignedInClientAsync(TestUsers.StaffEmail);

        var response = await staff.GetAsync("/connections/woocommerce/return?state=x&success=1&user_id=1");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.PathAndQuery.StartsWith("/account/access-denied") == true,
            $"{response.StatusCode} {response.Headers.Location}");
    }

    /// <summary>Every route the app maps, with who may call it: a new one cannot be forgotten.</summary>
    [Fact]
    public void Every_connection_route_is_the_owners_and_every_open_route_is_one_meant_to_be_open()
    {
        var routes = app.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => (Route: e.RoutePattern.RawText ?? "", e.Metadata)).ToList();
        Assert.NotEmpty(routes);

        foreach (var (route, metadata) in routes.Where(r => r.Route.TrimStart('/').StartsWith("connections", StringComparison.Ordinal)))
        {
            if (route.EndsWith("/woocommerce/keys", StringComparison.Ordinal)) continue; // posted by the store's server; its state binds it
            Assert.True(OwnerOnly(metadata), $"{route} is not limited to the owner");
        }
        var open = routes.Where(r => r.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(r => r.Route.TrimStart('/')).Distinct().ToList();
        // webhooks/: marketplaces' deliveries, each trusted only once its signature verifies (WebhookIntake).
        // media/public/: product photos marketplaces download, each address holding its image id encrypted (PublicImageUrls).
        // media/pull/: videos TikTok downloads, each address holding its upload id and end of life encrypted (VideoPullUrls).
        string[] meantOpen = ["sandbox/", "webhooks/", "media/public/", "media/pull/", "healthz", "account/sign-in", "setup", "account/access-denied", "connections/woocommerce/keys", "not-found", "_framework", "_blazor", "Error"];
        Assert.All(open, r => Assert.True(meantOpen.Any(m => r.StartsWith(m, StringComparison.OrdinalIgnoreCase)), $"{r} is open to anyone"));
    }

    private static bool OwnerOnly(EndpointMetadataCollection metadata) =>
        metadata.GetMetadata<IAllowAnonymous>() is null
        && (metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == Roles.Owner || a.Roles?.Split(',').Contains(Roles.Owner) == true)
            || metadata.GetOrderedMetadata<AuthorizationPolicy>().Any(p => p.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>()
                .Any(r => r.AllowedRoles.SequenceEqual([Roles.Owner]))));
}
