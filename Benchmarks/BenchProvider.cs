using Marketplaces.Database;

namespace Marketplaces.Benchmarks;

/// <summary>The database provider a benchmark process runs on: its command-line name and what the "how" texts say of it.</summary>
public static class BenchProvider
{
    public static readonly DatabaseProvider[] All = [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    /// <summary>As on the command line and in the table: <c>sqlite</c>, <c>postgresql</c>.</summary>
    public static string Name(this DatabaseProvider provider) => provider.ToString().ToLowerInvariant();

    public static DatabaseProvider? Parse(string? name) => All.Cast<DatabaseProvider?>().FirstOrDefault(p => p!.Value.Name() == name);

    /// <summary>Where the rows go.</summary>
    public static string Store(this DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "SQLite (one file in the app's data folder)",
        _ => "PostgreSQL 15 on 127.0.0.1 (the tests' own server, a database of its own)",
    };

    /// <summary>Whether the process's CPU and memory figures hold the database's own work.</summary>
    public static string CostIncluded(this DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "SQLite runs inside the process: included",
        _ => "PostgreSQL's own processes not included",
    };
}
