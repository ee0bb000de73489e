using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.RateLimits;

namespace Marketplaces.Tests.RateLimits;

/// <summary>The pipeline's limiter against scripted answers: what it does with 429s and with Amazon's rate header.</summary>
public sealed class RateLimitHandlerTests : IClassFixture<LimiterDatabase>, IAsyncLifetime
{
    private static readonly MarketplaceCatalog Catalog = MarketplaceCatalog.Load();
    private readonly LimiterDatabase _database;
    private readonly RateLimiter _limiter;
    private readonly Queue<HttpResponseMessage> _answers = new();
    private readonly List<DateTimeOffset> _sent = [];
    private readonly HttpClient _client;

    public RateLimitHandlerTests(LimiterDatabase database)
    {
        _database = database;
        _limiter = database.Limiter(Catalog, TimeProvider.System);
        _client = new HttpClient(new RateLimitHandler(_limiter, Catalog) { InnerHandler = new Scripted(this) });
    }

    public Task InitializeAsync() => _database.ClearAsync();

    private static HttpResponseMessage Answer(HttpStatusCode status, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent("{}") };
        foreach (var (name, value) in headers) response.Headers.TryAddWithoutValidation(name, value);
        return response;
    }

    private static HttpRequestMessage Request(RateLimitKey? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "https://marketplace.example/api");
        return key is null ? request : key.Set(request);
    }

    [Fact]
    public async Task A_429_with_retry_after_is_waited_out_and_the_call_retried_once()
    {
        var key = new RateLimitKey("etsy", "shop-1", "listings");
        _answers.Enqueue(Answer(HttpStatusCode.TooManyRequests, ("Retry-After", "1")));
        _answers.Enqueue(Answer(HttpStatusCode.OK));

        using var response = await _client.SendAsync(Request(key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _sent.Count);
        Assert.True(_sent[1] - _sent[0] >= TimeSpan.FromSeconds(1), $"retried after {(_sent[1] - _sent[0]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_second_429_becomes_rate_limited_with_the_wait()
    {
        var key = new RateLimitKey("etsy", "shop-1", "listings");
        _answers.Enqueue(Answer(HttpStatusCode.TooManyRequests, ("Retry-After", "0")));
        _answers.Enqueue(Answer(HttpStatusCode.TooManyRequests, ("Retry-After", "7")));

        var failure = await Assert.ThrowsAsync<MarketplaceException>(() => _client.SendAsync(Request(key)));

        Assert.Equal(MarketplaceErrorKind.RateLimited, failure.Kind);
        Assert.Equal(TimeSpan.FromSeconds(7), failure.RetryAfter);
        Assert.Equal("Etsy is throttling these calls; try again in 7 s.", failure.Message);
    }

    [Fact]
    public async Task A_wait_longer_than_half_a_minute_is_not_waited_in_line()
    {
        var key = new RateLimitKey("tiktok", "open-id-1", "video.init");
        _answers.Enqueue(Answer(HttpStatusCode.TooManyRequests));

        var watch = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAsync<MarketplaceException>(() => _client.SendAsync(Request(key)));

        Assert.Equal(TimeSpan.FromSeconds(60), failure.RetryAfter);
        Assert.Single(_sent);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Amazons_rate_header_on_a_success_resets_the_operations_bucket()
    {
        var key = new RateLimitKey("amazon", "A1", "getOrders");
        _answers.Enqueue(Answer(HttpStatusCode.OK, ("x-amzn-RateLimit-Limit", "2.5")));

        using var _ = await _client.SendAsync(Request(key));

        Assert.Equal(2.5, _limiter.RateOf(key));
    }

    [Fact]
    public async Task An_amazon_429_waits_one_call_at_the_stated_rate_and_slows_the_bucket()
    {
        var key = new RateLimitKey("amazon", "A1", "getListingsItem");
        _answers.Enqueue(Answer(HttpStatusCode.TooManyRequests, ("x-amzn-RateLimit-Limit", "1")));
        _answers.Enqueue(Answer(HttpStatusCode.OK));

        using var response = await _client.SendAsync(Request(key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(_sent[1] - _sent[0] >= TimeSpan.FromSeconds(1));
        Assert.Equal(0.5, _limiter.RateOf(key));
    }

    [Fact]
    public async Task Shopifys_throttled_body_counts_as_a_429()
    {
        var key = new RateLimitKey("shopify", "shop-1", "orders");
        var throttled = Answer(HttpStatusCode.OK, ("Retry-After", "0"));
        throttled.Content = new StringContent("""{"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED"}}]}""");
        _answers.Enqueue(throttled);
        _answers.Enqueue(Answer(HttpStatusCode.OK));

        using var response = await _client.SendAsync(Request(key));

        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
        Assert.Equal(2, _sent.Count);
    }

    [Fact]
    public async Task A_request_without_a_key_passes_untouched()
    {
        _answers.Enqueue(Answer(HttpStatusCode.TooManyRequests, ("Retry-After", "5")));

        using var response = await _client.SendAsync(Request(null));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Single(_sent);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    private sealed class Scripted(RateLimitHandlerTests test) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            test._sent.Add(DateTimeOffset.UtcNow);
            return Task.FromResult(test._answers.Dequeue());
        }
    }
}
