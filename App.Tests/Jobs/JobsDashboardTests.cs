using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using AngleSharp.Html.Parser;
using Marketplaces.Jobs;
using Marketplaces.Tests.Infrastructure;

namespace Marketplaces.Tests.Jobs;

/// <summary>Hangfire's dashboard at /jobs: owner only, cross-site POSTs refused, usable behind the README's reverse proxy.</summary>
public sealed class JobsDashboardTests(JobsDashboardTests.ProxiedApp app) : IClassFixture<JobsDashboardTests.ProxiedApp>, IAsyncLifetime
{
    public sealed class ProxiedApp : AppFactory
    {
        public ProxiedApp() => With("ReverseProxy:Enabled", "true");
    }

    public Task InitializeAsync() => app.EnsureStaffAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_owner_gets_the_dashboard_staff_get_403_and_anonymous_visitors_the_sign_in_page()
    {
        var owner = await app.SignedInClientAsync(TestUsers.OwnerEmail);
        var page = await owner.GetAsync(JobsSetup.DashboardPath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Marketplaces jobs", html);
        Assert.DoesNotContain(app.Database.ConnectionString, html);

        var staff = await app.SignedInClientAsync(TestUsers.StaffEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync("/jobs/stats", new FormUrlEncodedContent([]))).StatusCode);
        var staffPage = await staff.GetAsync("/jobs/recurring");
        Assert.Equal(HttpStatusCode.Redirect, staffPage.StatusCode);
        Assert.StartsWith("/account/access-denied", staffPage.Headers.Location!.PathAndQuery);

        var anonymous = await app.CreateBrowserLikeClient().GetAsync("/jobs/recurring");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/sign-in", anonymous.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_dashboard_post_needs_the_antiforgery_token()
    {
        var owner = await app.SignedInClientAsync(TestUsers.OwnerEmail);
        var page = new HtmlParser().ParseDocument(await owner.GetStringAsync("/jobs/recurring"));
        var header = page.QuerySelector("meta[name=csrf-header]")!.GetAttribute("content")!;
        var token = page.QuerySelector("meta[name=csrf-token]")!.GetAttribute("content")!;
        FormUrlEncodedContent Trigger() => new([new("jobs[]", TokenRefreshJob.Id)]);

        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostAsync("/jobs/recurring/trigger", Trigger())).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/jobs/recurring/trigger") { Content = Trigger() };
        request.Headers.Add(header, token);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Behind_the_reverse_proxy_the_dashboards_links_and_assets_resolve()
    {
        // Over HTTPS to the proxy: the session cookie, renewed on each request, is then Secure and must be sent back.
        var owner = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
        owner.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForms.SubmitAsync(owner, "/account/sign-in", "sign-in",
            new Dictionary<string, string> { ["Input.Email"] = TestUsers.OwnerEmail, ["Input.Password"] = TestUsers.Password })).StatusCode);
        owner.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        owner.DefaultRequestHeaders.Add("X-Forwarded-Host", "seller.example.com");
        owner.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        var page = new HtmlParser().ParseDocument(await owner.GetStringAsync("/jobs"));
        var assets = page.QuerySelectorAll("link[href], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!).Where(a => !a.StartsWith("data:", StringComparison.Ordinal)).ToList();
        var links = page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).Where(h => h.StartsWith('/')).ToList();

        Assert.NotEmpty(assets);
        Assert.All(assets, a => Assert.StartsWith("/jobs/", a));
        Assert.Contains("/jobs/recurring", links);
        Assert.Contains("/", links);
        foreach (var path in assets.Append("/jobs/recurring"))
            Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(path)).StatusCode);
    }
}
