using System.Collections.Concurrent;
using Microsoft.Extensions.Http;

namespace Marketplaces.Tests.Conformance;

/// <summary>
/// Checks every call an app's HttpClients make to the Amazon, eBay and Etsy sandbox APIs against their OpenAPI files
/// (<see cref="ConformanceCheck"/>) and keeps what they break. As an <see cref="IHttpMessageHandlerBuilderFilter"/> it
/// puts its handler innermost in every client, after the client's own handlers, so it sees each attempt as sent and
/// answered, the rate limiter's retried 429s included.
/// </summary>
public sealed class ConformanceRecorder : IHttpMessageHandlerBuilderFilter
{
    private readonly ConcurrentDictionary<string, int> _exchanges = new();
    private readonly ConcurrentQueue<ConformanceViolation> _violations = new();

    /// <summary>Calls checked, per marketplace id.</summary>
    public IReadOnlyDictionary<string, int> Exchanges => _exchanges;

    public IReadOnlyList<ConformanceViolation> Violations => [.. _violations];

    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        builder.AdditionalHandlers.Add(new ConformanceHandler(this));
    };

    /// <summary>A client of a test's own whose calls are checked too.</summary>
    public HttpClient CreateClient(Uri baseAddress) => new(new ConformanceHandler(this) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = baseAddress };

    public void Record(ApiRequest request, ApiResponse response)
    {
        if (ConformanceCheck.Of(request, response) is not ({ } api, { } violations)) return;
        _exchanges.AddOrUpdate(api.MarketplaceId, 1, (_, count) => count + 1);
        foreach (var message in violations)
            _violations.Enqueue(new ConformanceViolation(api.MarketplaceId, request.Method.Method, request.Url.AbsolutePath, response.Status, message));
    }

    /// <summary>
    /// Fails with the list of violations. The fixture calls it when disposed, which xunit reports as a class cleanup
    /// failure (the run fails; <c>--logger "console;verbosity=normal"</c> shows the list).
    /// </summary>
    public void AssertClean()
    {
        if (!_violations.IsEmpty) Assert.Fail(Report());
    }

    public string Report() =>
        $"{_violations.Count} call(s) broke the OpenAPI specs:" + string.Concat(_violations.Select(v => Environment.NewLine + "  " + v));

    private sealed class ConformanceHandler(ConformanceRecorder recorder) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            if (SandboxApi.For(request.RequestUri!) is null) return await base.SendAsync(request, ct);
            var sent = await ApiRequest.ReadAsync(request, ct);
            var response = await base.SendAsync(request, ct);
            recorder.Record(sent, await ApiResponse.ReadAsync(response, ct));
            return response;
        }
    }
}
