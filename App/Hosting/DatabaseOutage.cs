using Microsoft.Data.Sqlite;
using Npgsql;

namespace Marketplaces.Hosting;

/// <summary>Whether a failed request failed because the database cannot be reached or written, rather than on a bug.</summary>
public static class DatabaseOutage
{
    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN.
    private static readonly int[] SqliteOutageCodes = [5, 6, 8, 10, 13, 14];

    public static bool Caused(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // A FATAL or PANIC ends the session (refused, shut down, too many connections); an ERROR is one statement's.
                case PostgresException server:
                    return server.InvariantSeverity is "FATAL" or "PANIC";
                // No answer from the server at all: refused, reset, timed out, pool exhausted.
                case NpgsqlException:
                    return true;
                case SqliteException sqlite:
                    return SqliteOutageCodes.Contains(sqlite.SqliteErrorCode);
            }
        }
        return false;
    }
}
