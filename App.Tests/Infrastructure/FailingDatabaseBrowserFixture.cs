using Marketplaces.Database;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Infrastructure;

/// <summary>The browser and the app on a SQLite database whose writes a test can make fail (<see cref="FailingDatabaseWrites"/>).</summary>
public sealed class FailingDatabaseBrowserFixture : BrowserFixture
{
    public FailingDatabaseWrites Writes { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await this.EnsureOwnerAsync();
        this.StopScheduledPolling();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(Writes)));
    }
}
