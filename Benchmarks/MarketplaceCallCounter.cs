using System.Collections.Concurrent;
using Microsoft.Extensions.Http;

namespace Marketplaces.Benchmarks;

/// <summary>Counts the app's calls to each sandbox marketplace (by its path under /sandbox) and the 429s it got back.</summary>
public sealed class MarketplaceCallCounter : IHttpMessageHandlerBuilderFilter
{
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private readonly ConcurrentDictionary<string, int> _refused = new();
    private readonly ConcurrentDictionary<(string, string), int> _byMethod = new();

    public int Calls(string marketplace) => _calls.GetValueOrDefault(marketplace);

    /// <summary>Calls with one HTTP method (Amazon's PUTs are all putListingsItem, the operation its limit is on).</summary>
    public int Calls(string marketplace, HttpMethod method) => _byMethod.GetValueOrDefault((marketplace, method.Method));

    public int Refused(string marketplace) => _refused.GetValueOrDefault(marketplace);

    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        builder.AdditionalHandlers.Insert(0, new Counting(this));
    };

    private sealed class Counting(MarketplaceCallCounter counter) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var segments = request.RequestUri!.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var marketplace = segments.Length > 1 && segments[0] == "sandbox" ? segments[1] : "other";
            counter._calls.AddOrUpdate(marketplace, 1, (_, n) => n + 1);
            counter._byMethod.AddOrUpdate((marketplace, request.Method.Method), 1, (_, n) => n + 1);
            var response = await base.SendAsync(request, ct);
            if ((int)response.StatusCode == 429) counter._refused.AddOrUpdate(marketplace, 1, (_, n) => n + 1);
            return response;
        }
    }
}
