using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Parser;
using Marketplaces.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.WooCommerce;

public sealed class WooCommerceEmulatorTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>
{
    private readonly WooCommerceSandbox _sandbox = new(app);

    private string AuthorizeUrl(string callbackUrl, string? without = null, string scope = "read_write")
    {
        var parameters = new Dictionary<string, string?>
        {
            ["app_name"] = "Tester", ["scope"] = scope, ["user_id"] = "state-123",
            ["return_url"] = "https://dashboard.example/return", ["callback_url"] = callbackUrl,
        };
        if (without is not null) parameters.Remove(without);
        return QueryHelpers.AddQueryString("/sandbox/woocommerce/wc-auth/v1/authorize", parameters);
    }

    private string LocalCallback => $"{app.ServerAddress.GetLeftPart(UriPartial.Authority)}/connections/woocommerce/keys";

    [Fact]
    public async Task The_front_page_issues_keys_in_woocommerce_format_that_work_on_the_REST_API()
    {
        var keys = await _sandbox.ManualKeysAsync();
        Assert.Matches("^ck_[0-9a-f]{40}$", keys.ConsumerKey);
        Assert.Matches("^cs_[0-9a-f]{40}$", keys.ConsumerSecret);

        using var response = await _sandbox.Http.SendAsync(WooCommerceSandbox.SignedGet(_sandbox.SystemStatusUrl, keys));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_replayed_nonce_is_rejected()
    {
        var keys = await _sandbox.ManualKeysAsync();
        var at = DateTimeOffset.UtcNow;
        using var first = await _sandbox.Http.SendAsync(WooCommerceSandbox.SignedGet(_sandbox.SystemStatusUrl, keys, "nonce-once", at));
        using var replay = await _sandbox.Http.SendAsync(WooCommerceSandbox.SignedGet(_sandbox.SystemStatusUrl, keys, "nonce-once", at));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal(("woocommerce_rest_authentication_error", "Invalid nonce - nonce has already been used.", 401), await WooCommerceSandbox.ErrorAsync(replay));
    }

    [Fact]
    public async Task A_timestamp_older_than_fifteen_minutes_is_rejected()
    {
        var keys = await _sandbox.ManualKeysAsync();
        using var response = await _sandbox.Http.SendAsync(
            WooCommerceSandbox.SignedGet(_sandbox.SystemStatusUrl, keys, at: DateTimeOffset.UtcNow.AddMinutes(-16)));
        Assert.Equal(("woocommerce_rest_authentication_error", "Invalid timestamp.", 401), await WooCommerceSandbox.ErrorAsync(response));
    }

    [Fact]
    public async Task A_signature_made_with_the_wrong_secret_is_rejected()
    {
        var keys = await _sandbox.ManualKeysAsync();
        using var response = await _sandbox.Http.SendAsync(
            WooCommerceSandbox.SignedGet(_sandbox.SystemStatusUrl, keys, secret: "cs_" + new string('0', 40)));
        Assert.Equal(("woocommerce_rest_authentication_error", "Invalid signature - provided signature does not match.", 401),
            await WooCommerceSandbox.ErrorAsync(response));
    }

    [Fact]
    public async Task A_signature_over_another_host_than_the_home_url_is_rejected()
    {
        var keys = await _sandbox.ManualKeysAsync();
        var request = WooCommerceSandbox.SignedGet(_sandbox.SystemStatusUrl.Replace("127.0.0.1", "localhost"), keys);
        request.RequestUri = new Uri(request.RequestUri!.ToString().Replace("localhost", "127.0.0.1"));
        using var response = await _sandbox.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_consumer_key_is_rejected()
    {
        var keys = new WooCommerceSandbox.Keys("ck_" + new string('a', 40), "cs_" + new string('b', 40));
        using var response = await _sandbox.Http.SendAsync(WooCommerceSandbox.SignedGet(_sandbox.SystemStatusUrl, keys));
        Assert.Equal(("woocommerce_rest_authentication_error", "Consumer key is invalid.", 401), await WooCommerceSandbox.ErrorAsync(response));
    }

    [Fact]
    public async Task Basic_authentication_over_plain_http_is_ignored_so_the_caller_is_refused()
    {
        var keys = await _sandbox.ManualKeysAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, _sandbox.SystemStatusUrl);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{keys.ConsumerKey}:{keys.ConsumerSecret}")));
        using var response = await _sandbox.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(("woocommerce_rest_cannot_view", "Sorry, you cannot list resources.", 401), await WooCommerceSandbox.ErrorAsync(response));
    }

    [Fact]
    public async Task A_partial_set_of_oauth_parameters_names_the_missing_ones()
    {
        using var response = await _sandbox.Http.GetAsync($"{_sandbox.SystemStatusUrl}?oauth_consumer_key=ck_x&oauth_nonce=n");
        Assert.Equal(("woocommerce_rest_authentication_missing_parameter", "Missing OAuth parameters oauth_timestamp, oauth_signature, oauth_signature_method", 401),
            await WooCommerceSandbox.ErrorAsync(response));
    }

    [Fact]
    public async Task The_site_index_is_public_and_names_the_store()
    {
        var index = await _sandbox.Http.GetStringAsync("/sandbox/woocommerce/wp-json/");
        Assert.Contains("\"name\":\"Marketplaces Sandbox Store\"", index);
        using var unknown = await _sandbox.Http.GetAsync("/sandbox/woocommerce/wp-json/wc/v3/nothing-here");
        Assert.Equal(("rest_no_route", "No route was found matching the URL and request method.", 404), await WooCommerceSandbox.ErrorAsync(unknown));
    }

    [Theory]
    [InlineData("app_name")]
    [InlineData("scope")]
    [InlineData("user_id")]
    [InlineData("return_url")]
    [InlineData("callback_url")]
    public async Task Authorize_without_a_mandatory_parameter_shows_woocommerces_error(string missing)
    {
        using var response = await _sandbox.Http.GetAsync(AuthorizeUrl(LocalCallback, without: missing));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal($"Error: Missing parameter {missing}.", DieMessage(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Authorize_refuses_an_unknown_scope_and_a_callback_that_is_not_https()
    {
        using var scope = await _sandbox.Http.GetAsync(AuthorizeUrl(LocalCallback, scope: "admin"));
        Assert.Equal("Error: Invalid scope admin.", DieMessage(await scope.Content.ReadAsStringAsync()));

        using var plain = await _sandbox.Http.GetAsync(AuthorizeUrl("http://dashboard.example/keys"));
        Assert.Equal("Error: The callback_url needs to be over SSL.", DieMessage(await plain.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_consent_page_offers_approve_and_deny_and_is_journaled()
    {
        var journal = app.Services.GetRequiredService<SandboxJournal>();
        var before = journal.Count("woocommerce", "authorize");
        using var response = await _sandbox.Http.GetAsync(AuthorizeUrl("https://dashboard.example/keys"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(["Approve", "Deny"], page.QuerySelectorAll("button").Select(b => b.TextContent));
        Assert.Equal(before + 1, journal.Count("woocommerce", "authorize"));
    }

    [Fact]
    public async Task Deny_sends_the_browser_to_return_url_with_success_0()
    {
        using var response = await _sandbox.DecideAsync(AuthorizeUrl("https://dashboard.example/keys"), "deny");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("https://dashboard.example/return?success=0&user_id=state-123", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_callback_that_does_not_answer_200_makes_the_store_delete_the_new_key()
    {
        // Our own key endpoint refuses the unknown user_id "state-123" with a 400.
        using var response = await _sandbox.DecideAsync(AuthorizeUrl(LocalCallback), "approve");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Error: An error occurred in the request and at the time were unable to send the consumer data.",
            DieMessage(await response.Content.ReadAsStringAsync()));
        var deleted = app.Services.GetRequiredService<SandboxJournal>().IssuedTokens("woocommerce").Last();
        using var call = await _sandbox.Http.SendAsync(WooCommerceSandbox.SignedGet(_sandbox.SystemStatusUrl, new(deleted, "cs_unknown")));
        Assert.Equal("Consumer key is invalid.", (await WooCommerceSandbox.ErrorAsync(call)).Message);
    }

    private static string DieMessage(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelector(".wp-die-message")!.TextContent;
}
