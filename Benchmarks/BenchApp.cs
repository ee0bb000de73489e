using Marketplaces.Database;
using Marketplaces.Ebay.Sandbox;
using Marketplaces.Ebay.Sandbox.Orders;
using Marketplaces.Polling;
using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Orders;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Hangfire;

namespace Marketplaces.Benchmarks;

/// <summary>
/// The real app on a Kestrel port on 127.0.0.1 with its built-in sandbox, in this process, on SQLite (a file in its
/// data folder) or on a database of its own in the tests' PostgreSQL server, logging as appsettings.json says.
/// </summary>
public sealed class BenchApp : ServerAppFactory
{
    public BenchApp(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.PostgreSql) OnPostgreSql();
    }

    /// <summary>Unlike a test's, a benchmark's data folder (hundreds of MB on SQLite) is not kept for inspection.</summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }

    /// <summary>Ingest is measured without the test suite's OpenAPI check on every page.</summary>
    protected override bool ChecksConformance => false;

    public FeedEngine Engine => Services.GetRequiredService<FeedEngine>();

    /// <summary>Counts the app's marketplace calls (set before <see cref="AppFactory.InitializeAsync"/>).</summary>
    public void Counting(MarketplaceCallCounter counter) => _counter = counter;

    private MarketplaceCallCounter? _counter;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (_counter is { } counter) builder.ConfigureServices(s => s.AddSingleton<Microsoft.Extensions.Http.IHttpMessageHandlerBuilderFilter>(counter));
    }

    public SandboxOrderBook EbayOrders(EbaySandboxAccount seller) =>
        Services.GetServices<ISandboxEmulator>().OfType<EbayOrdersEmulator>().Single().Book(seller);

    public SandboxJournal Journal => Services.GetRequiredService<SandboxJournal>();

    public IRecurringJobManager RecurringJobs => Services.GetRequiredService<IRecurringJobManager>();

    /// <summary>Connects the built-in sandbox's eBay users over real HTTP, as a seller would; returns their connection ids.</summary>
    public async Task<List<(Guid Connection, EbaySandboxAccount Seller)>> ConnectEbayAsync(IEnumerable<string> names)
    {
        using var browser = await SandboxBrowserlessClient.SignedInOwnerAsync(this);
        var connected = new List<(Guid, EbaySandboxAccount)>();
        foreach (var name in names)
        {
            var query = await browser.ConnectAsync("ebay", sandboxAccount: name);
            if (!query.TryGetValue("connected", out var id)) throw new InvalidOperationException($"Connecting {name} failed: {string.Join("&", query)}");
            connected.Add((Guid.Parse(id), EbaySandboxAccount.FromName(name)));
        }
        return connected;
    }
}
