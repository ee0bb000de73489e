namespace Marketplaces.Database;

/// <summary>Setting <c>Database:Provider</c>: one SQLite file under the data folder (one app instance), or an
/// operator's PostgreSQL server (<c>ConnectionStrings:Main</c>; required for several instances).</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
