using Marketplaces.Database.Embedded;
using Marketplaces.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Database;

public static class DatabaseSetup
{
    /// <summary>
    /// <c>ConnectionStrings:Main</c> set: use that server and start nothing. Unset: supervise a private cluster
    /// under the data directory. Either way the schema is migrated before anything else touches it.
    /// </summary>
    public static DatabaseConnection AddDatabase(this WebApplicationBuilder builder, AppPaths paths)
    {
        var configured = builder.Configuration.GetConnectionString("Main");
        DatabaseConnection connection;
        if (string.IsNullOrWhiteSpace(configured))
        {
            var options = builder.Configuration.GetSection("Database").Get<EmbeddedPostgresOptions>() ?? new();
            var cluster = new EmbeddedPostgres(paths, options);
            builder.Services.AddSingleton(cluster);
            builder.Services.AddHostedService<EmbeddedPostgresService>();
            connection = new DatabaseConnection(DatabaseProvider.PostgreSql, cluster.ConnectionString);
        }
        else
        {
            connection = new DatabaseConnection(DatabaseProvider.PostgreSql, configured);
        }
        builder.Services.AddSingleton(connection);
        builder.Services.AddDbContextFactory<AppDbContext>(o => o.UseNpgsql(connection.ConnectionString));
        // Identity's stores take a context per request scope; components use the factory, one context per operation.
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        builder.Services.AddHostedService<SchemaMigrator>();
        return connection;
    }
}
