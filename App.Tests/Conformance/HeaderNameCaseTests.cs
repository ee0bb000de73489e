using Marketplaces.Polling;
using Marketplaces.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace Marketplaces.Tests.Conformance;

/// <summary>
/// HTTP header names are case-insensitive (RFC 9110 §5.1), and clients send them in every case: HTTP/2 clients in
/// lower case, some libraries as the documentation spells them, others shouted. Every emulator is driven here by the
/// app's own clients (connecting each marketplace, then reading its orders where it has any) with every header name they can re-case (custom ones such as x-api-key, x-amz-access-token,
/// X-Shopify-Access-Token; .NET writes the standard ones in their canonical form) sent in capitals: all must work as before.
/// </summary>
public sealed class HeaderNameCaseTests(HeaderNameCaseTests.ShoutingApp app) : IClassFixture<HeaderNameCaseTests.ShoutingApp>
{
    public sealed class ShoutingApp : ServerAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IHttpMessageHandlerBuilderFilter, Shouting>());
        }
    }

    private sealed class Shouting : IHttpMessageHandlerBuilderFilter
    {
        public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
        {
            next(builder);
            builder.AdditionalHandlers.Add(new ShoutingHandler());
        };
    }

    private sealed class ShoutingHandler : DelegatingHandler
    {
        public static int Shouted;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            foreach (var header in request.Headers.ToList())
            {
                request.Headers.Remove(header.Key);
                request.Headers.TryAddWithoutValidation(header.Key.ToUpperInvariant(), header.Value);
                if (header.Key.StartsWith("x-", StringComparison.OrdinalIgnoreCase)) Interlocked.Increment(ref Shouted);
            }
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Theory]
    [MemberData(nameof(Marketplaces))]
    public async Task Every_emulator_takes_header_names_in_capitals(string marketplace)
    {
        var connection = await SandboxAccounts.ConnectAsync(app, marketplace, $"{marketplace}-shouted");
        // TikTok (videos) and AliExpress (the supplier) have no orders to read: connecting is their check.
        if (marketplace is "tiktok" or "aliexpress") return;
        var outcome = await app.Services.GetRequiredService<FeedEngine>().SyncAsync(connection, FeedNames.Orders, "test");
        Assert.True(outcome.Result == SyncResult.Synced, outcome.Message);
        if (marketplace is "amazon" or "etsy" or "shopify") Assert.True(ShoutingHandler.Shouted > 0);
    }

    public static TheoryData<string> Marketplaces => new(SandboxAccounts.OAuth.Concat(SandboxAccounts.Keyed));
}
