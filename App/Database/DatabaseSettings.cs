using Marketplaces.Hosting;
using Microsoft.Data.Sqlite;

namespace Marketplaces.Database;

/// <summary>Reads <c>Database:Provider</c> and the connection string it needs, refusing what cannot work.</summary>
public static class DatabaseSettings
{
    public static DatabaseConnection Read(IConfiguration configuration, AppPaths paths)
    {
        var name = configuration["Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(name) && !Enum.TryParse(name.Trim(), ignoreCase: true, out provider) || !Enum.IsDefined(provider))
        {
            throw new StartupRefusal($"Database:Provider is \"{name}\", which is not a database this app can use. " +
                                     "Set it to Sqlite (the default: one file in the data folder) or PostgreSql (with ConnectionStrings:Main).");
        }
        if (provider == DatabaseProvider.Sqlite)
        {
            var sqlite = new SqliteConnectionStringBuilder
            {
                DataSource = paths.SqliteDatabase, ForeignKeys = true, Pooling = true,
                // Waits this long for another writer before giving up (SQLite's busy timeout).
                DefaultTimeout = 30,
            };
            return new DatabaseConnection(provider, sqlite.ConnectionString);
        }
        var main = configuration.GetConnectionString("Main");
        if (string.IsNullOrWhiteSpace(main))
        {
            throw new StartupRefusal("Database:Provider is PostgreSql but ConnectionStrings:Main is empty. Set it to your " +
                                     "PostgreSQL server (Host=…;Database=…;Username=…;Password=…), or remove Database:Provider to use SQLite.");
        }
        return new DatabaseConnection(provider, main);
    }
}
