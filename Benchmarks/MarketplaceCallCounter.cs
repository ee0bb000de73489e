using System.Collections.Concurrent;
using Microsoft.Extensions.Http;

namespace Marketplaces.Benchmarks;

/// <summary>Counts the app's calls to each sandbox marketplace (by its path under /sandbox) and the 429s it got back.</summary>
public sealed class MarketplaceCallCounter : IHttpMessageHandlerBuilderFilter
{
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private readonly ConcurrentDictionary<string, int> _refused = new();
    private readonly ConcurrentDictionary<(string, string), int> _byMethod = new();
    private readonly ConcurrentDictionary<(string, CallKind), int> _byKind = new();

    public int Calls(string marketplace) => _calls.GetValueOrDefault(marketplace);

    /// <summary>Calls with one HTTP method (Amazon's PUTs are all putListingsItem, the operation its limit is on).</summary>
    public int Calls(string marketplace, HttpMethod method) => _byMethod.GetValueOrDefault((marketplace, method.Method));

    public int Refused(string marketplace) => _refused.GetValueOrDefault(marketplace);

    /// <summary>Calls of one kind: reading orders, tokens, or anything else (listings and stock).</summary>
    public int Calls(string marketplace, CallKind kind) => _byKind.GetValueOrDefault((marketplace, kind));

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
            counter._byKind.AddOrUpdate((marketplace, await KindAsync(request, ct)), 1, (_, n) => n + 1);
            var response = await base.SendAsync(request, ct);
            if ((int)response.StatusCode == 429) counter._refused.AddOrUpdate(marketplace, 1, (_, n) => n + 1);
            return response;
        }

        /// <summary>By path: every order feed's resource has "order" or "receipts" in it; Shopify's GraphQL by the query it sends.</summary>
        private static async Task<CallKind> KindAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (path.Contains("token", StringComparison.OrdinalIgnoreCase) || path.Contains("oauth", StringComparison.OrdinalIgnoreCase)) return CallKind.Token;
            if (path.Contains("/order", StringComparison.OrdinalIgnoreCase) || path.Contains("/receipts", StringComparison.Ordinal)) return CallKind.Orders;
            if (path.EndsWith("graphql.json", StringComparison.Ordinal) && request.Content is { } content
                && (await content.ReadAsStringAsync(ct)).Contains("orders(", StringComparison.Ordinal)) return CallKind.Orders;
            return CallKind.Other;
        }
    }
}

public enum CallKind { Orders, Token, Other }
