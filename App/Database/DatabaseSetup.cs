using Marketplaces.Database.Locks;
using Marketplaces.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Database;

public static class DatabaseSetup
{
    /// <summary>
    /// The provider from <c>Database:Provider</c>: SQLite in the data folder (one instance, held by a lock file) or the
    /// operator's PostgreSQL. Either way the schema is migrated before anything else touches it.
    /// </summary>
    public static DatabaseConnection AddDatabase(this WebApplicationBuilder builder, AppPaths paths)
    {
        var connection = DatabaseSettings.Read(builder.Configuration, paths);
        var services = builder.Services;
        services.AddSingleton(connection);
        services.AddSingleton<PlannerStatistics>();
        if (connection.Provider == DatabaseProvider.Sqlite)
        {
            var instance = SqliteInstanceLock.Acquire(paths);
            services.AddHostedService(_ => instance);
            services.AddHostedService<SqliteCheckpointer>();
            services.AddDbContextFactory<SqliteAppDbContext>(o => SqliteConnectionSetup.Use(o, connection.ConnectionString));
            services.AddSingleton<IDbContextFactory<AppDbContext>, ProviderContextFactory<SqliteAppDbContext>>();
            services.AddSingleton<IExclusiveLocks, InProcessLocks>();
        }
        else
        {
            services.AddDbContextFactory<PostgreSqlAppDbContext>(o => o.UseNpgsql(connection.ConnectionString));
            services.AddSingleton<IDbContextFactory<AppDbContext>, ProviderContextFactory<PostgreSqlAppDbContext>>();
            services.AddSingleton<IExclusiveLocks, PostgreSqlAdvisoryLocks>();
        }
        // Identity's stores take a context per request scope; components use the factory, one context per operation.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        services.AddHostedService<SchemaMigrator>();
        return connection;
    }

    /// <summary>The options the app itself uses for a provider, for tools and tests that build a context by hand.</summary>
    public static AppDbContext CreateContext(DatabaseConnection connection) => connection.Provider == DatabaseProvider.Sqlite
        ? new SqliteAppDbContext((DbContextOptions<SqliteAppDbContext>)SqliteConnectionSetup.Use(new DbContextOptionsBuilder<SqliteAppDbContext>(), connection.ConnectionString).Options)
        : new PostgreSqlAppDbContext(new DbContextOptionsBuilder<PostgreSqlAppDbContext>().UseNpgsql(connection.ConnectionString).Options);
}
