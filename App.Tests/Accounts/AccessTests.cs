using Marketplaces.Tests.Infrastructure;

namespace Marketplaces.Tests.Accounts;

public sealed class AccessTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => app.EnsureStaffAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/")]
    [InlineData("/products")]
    [InlineData("/orders")]
    [InlineData("/uploads")]
    [InlineData("/jobs")]
    [InlineData("/settings")]
    [InlineData("/orders/export.csv")]
    [InlineData("/orders/packing-slips")]
    public async Task Anonymous_page_requests_get_the_sign_in_page(string page)
    {
        var response = await app.CreateBrowserLikeClient().GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Anonymous_non_page_requests_get_401()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/settings")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/orders")).StatusCode);
    }

    [Theory]
    [InlineData("/account/sign-in")]
    [InlineData("/healthz")]
    [InlineData("/app.css")]
    [InlineData("/_framework/blazor.web.js")]
    public async Task Sign_in_health_and_static_files_are_open(string path)
    {
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowserLikeClient().GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData("/orders/nope")]
    [InlineData("/no-such-page")]
    public async Task An_unknown_address_answers_404_with_the_apps_not_found_page(string path)
    {
        var owner = await app.SignedInClientAsync(TestUsers.OwnerEmail);

        var response = await owner.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is nothing at this address.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Staff_cannot_open_settings_but_the_owner_can()
    {
        // /jobs is Hangfire's dashboard now, not a Blazor page: its access rules are tested with it.
        var staff = await app.SignedInClientAsync(TestUsers.StaffEmail);
        var denied = await staff.GetAsync("/settings");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/access-denied", denied.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/orders")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/orders/export.csv")).StatusCode);

        var owner = await app.SignedInClientAsync(TestUsers.OwnerEmail);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/settings")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_says_only_that_sign_in_failed()
    {
        var client = app.CreateBrowserLikeClient();
        var response = await HtmlForms.SubmitAsync(client, "/account/sign-in", "sign-in",
            new Dictionary<string, string> { ["Input.Email"] = TestUsers.StaffEmail, ["Input.Password"] = "not the password" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var alert = Assert.Single(page.QuerySelectorAll("[role=alert]"));
        Assert.Equal("Sign-in failed.", alert.TextContent.Trim());
    }

    [Fact]
    public async Task Cookies_are_http_only_and_same_site_lax()
    {
        var client = app.CreateBrowserLikeClient();
        var response = await HtmlForms.SubmitAsync(client, "/account/sign-in", "sign-in",
            new Dictionary<string, string> { ["Input.Email"] = TestUsers.OwnerEmail, ["Input.Password"] = TestUsers.Password });
        var auth = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Marketplaces.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", auth);
        Assert.Contains("samesite=lax", auth);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_rejected()
    {
        var client = app.CreateBrowserLikeClient();
        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in", ["Input.Email"] = TestUsers.OwnerEmail, ["Input.Password"] = TestUsers.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("Marketplaces.Auth=", StringComparison.Ordinal)));
    }
}
