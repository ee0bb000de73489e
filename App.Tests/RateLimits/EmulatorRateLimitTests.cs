using System.Diagnostics;
using Marketplaces.Connections;
using Marketplaces.RateLimits;
using Marketplaces.Sandbox;
using Marketplaces.Tests.Amazon;
using Marketplaces.Tests.Ebay;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.RateLimits;

/// <summary>The app's limiter against the emulators, which enforce the sheets' limits on their own, over real HTTP.</summary>
public sealed class EmulatorRateLimitTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>
{
    private SandboxJournal Journal => app.Services.GetRequiredService<SandboxJournal>();

    private HttpClient Marketplaces => app.Services.GetRequiredService<IHttpClientFactory>().Create();

    private Uri Url(string path) => new(app.ServerAddress, path);

    [Fact]
    public async Task A_burst_through_the_limiter_gets_no_429_and_the_call_past_amazons_burst_is_held_back()
    {
        using var amazon = new AmazonSandboxClient(app);
        var token = (await amazon.ConnectAsync("burst-seller")).Text("access_token");
        var key = new RateLimitKey("amazon", "burst-seller", "getMarketplaceParticipations");
        var refusedBefore = Journal.Count("amazon", "429");

        for (var call = 0; call < 15; call++)
        {
            using var request = key.Set(new HttpRequestMessage(HttpMethod.Get, Url("/sandbox/amazon/sp-api/sellers/v1/marketplaceParticipations")));
            request.Headers.Add("x-amz-access-token", token);
            using var response = await Marketplaces.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(refusedBefore, Journal.Count("amazon", "429"));
        using var soon = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => app.Services.GetRequiredService<RateLimiter>().AcquireAsync(key, soon.Token));
        using var direct = await amazon.MarketplaceParticipationsAsync(token);
        var body = await SandboxHttp.JsonAsync(direct, HttpStatusCode.TooManyRequests);
        Assert.Equal("QuotaExceeded", body.GetProperty("errors")[0].Text("code"));
        Assert.Equal("0.016", direct.Headers.GetValues("x-amzn-RateLimit-Limit").Single());
    }

    [Fact]
    public async Task A_forced_429_from_ebay_is_waited_out_for_its_retry_after_and_the_call_then_succeeds()
    {
        using var ebay = new EbaySandboxClient(app);
        var token = (await ebay.ConnectAsync("throttled-seller")).Text("access_token");
        var refusedBefore = Journal.Count("ebay", "429");
        app.Services.GetRequiredService<SandboxRateLimits>().Force429("ebay", TimeSpan.FromSeconds(2));

        using var request = new RateLimitKey("ebay", "throttled-seller", "commerce.identity")
            .Set(new HttpRequestMessage(HttpMethod.Get, Url("/sandbox/ebay/apiz/commerce/identity/v1/user/")));
        request.Headers.Authorization = new("Bearer", token);
        var watch = Stopwatch.StartNew();
        using var response = await Marketplaces.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(2), $"answered after {watch.ElapsedMilliseconds} ms");
        Assert.Equal(refusedBefore + 1, Journal.Count("ebay", "429"));
    }

    [Fact]
    public async Task Ebay_refuses_in_its_own_error_format()
    {
        using var ebay = new EbaySandboxClient(app);
        app.Services.GetRequiredService<SandboxRateLimits>().Force429("ebay", TimeSpan.FromSeconds(3));

        using var response = await ebay.GetUserAsync("v^1.1#any");

        var error = (await SandboxHttp.JsonAsync(response, HttpStatusCode.TooManyRequests)).GetProperty("errors")[0];
        Assert.Equal(2001, error.GetProperty("errorId").GetInt32());
        Assert.Equal("Too many requests", error.Text("message"));
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
    }
}
