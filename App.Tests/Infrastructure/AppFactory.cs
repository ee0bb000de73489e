using Marketplaces.Tests.Conformance;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Marketplaces.Database;
using Npgsql;

namespace Marketplaces.Tests.Infrastructure;

/// <summary>
/// The real app with a data folder of its own: on SQLite (the default, a file in that folder) or on a database of its
/// own in the test run's PostgreSQL (<see cref="PostgreSqlAppFactory"/>). Pass <c>realServer</c> for browser tests:
/// the app then listens on a Kestrel port on 127.0.0.1.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly bool _realServer;
    private readonly Dictionary<string, string?> _settings = new();

    public AppFactory() : this(realServer: false)
    {
    }

    protected AppFactory(bool realServer, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        _realServer = realServer;
        Provider = provider;
        // Subscribing on connect would make every emulator's order change a sync; the webhook tests turn it on.
        _settings["Webhooks:Subscribe"] = "false";
        DataDirectory = System.IO.Path.Combine(TestPostgres.Root, "apps", Guid.NewGuid().ToString("N"));
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MARKETPLACES", RepositoryRoot.Path);
    }

    public string DataDirectory { get; private set; }

    public DatabaseProvider Provider { get; private set; }

    /// <summary>What the app logged, at the levels appsettings.json sets.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>The app's calls to the Amazon, eBay and Etsy sandbox APIs, checked against their OpenAPI files; any
    /// violation fails the fixture when it is disposed, or a test at once with <see cref="ConformanceRecorder.AssertClean"/>.</summary>
    public ConformanceRecorder Conformance { get; } = new();

    /// <summary>Off where the check's cost would distort what is measured (benchmarks).</summary>
    protected virtual bool ChecksConformance => true;

    /// <summary>The app's database, known once the app has started.</summary>
    public DatabaseConnection Database => Services.GetRequiredService<DatabaseConnection>();

    private string _postgreSql = "";

    /// <summary>The address a browser uses (real server only).</summary>
    public Uri ServerAddress { get; private set; } = default!;

    /// <summary>Runs this app on PostgreSQL (before it starts).</summary>
    public AppFactory OnPostgreSql() => On(DatabaseProvider.PostgreSql);

    /// <summary>Runs this app on <paramref name="provider"/> (before it starts), for tests that run on both.</summary>
    public AppFactory On(DatabaseProvider provider)
    {
        Provider = provider;
        return this;
    }

    /// <summary>The same database and data folder as <paramref name="first"/>: a restart once it has stopped, or on
    /// PostgreSQL a second instance beside it.</summary>
    public AppFactory Reusing(AppFactory first)
    {
        Provider = first.Provider;
        _postgreSql = first._postgreSql;
        DataDirectory = first.DataDirectory;
        return this;
    }

    public AppFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public virtual async Task InitializeAsync()
    {
        if (Provider == DatabaseProvider.PostgreSql && _postgreSql.Length == 0) _postgreSql = await TestPostgres.CreateDatabaseAsync("app");
        if (_realServer)
        {
            UseKestrel(0);
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
            ServerAddress = new Uri(addresses.Addresses.First());
        }
        else
        {
            _ = Services;
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgreSql.Length > 0) NpgsqlConnection.ClearPool(new NpgsqlConnection(_postgreSql));
        Conformance.AssertClean();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Main", _postgreSql);
        builder.UseSetting("DataDirectory", DataDirectory);
        builder.UseSetting("Urls", "http://127.0.0.1:0");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        if (ChecksConformance) builder.ConfigureServices(services => services.AddSingleton<IHttpMessageHandlerBuilderFilter>(Conformance));
    }
}

/// <summary>The app on a real port, for Playwright.</summary>
public class ServerAppFactory() : AppFactory(realServer: true);

/// <summary>The app on a database of its own in the test run's PostgreSQL.</summary>
public class PostgreSqlAppFactory() : AppFactory(realServer: false, DatabaseProvider.PostgreSql);

/// <summary>The app on a real port on PostgreSQL.</summary>
public class PostgreSqlServerAppFactory() : AppFactory(realServer: true, DatabaseProvider.PostgreSql);
