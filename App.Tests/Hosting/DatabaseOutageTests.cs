using System.Net.Sockets;
using Marketplaces.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Marketplaces.Tests.Hosting;

public sealed class DatabaseOutageTests
{
    public static TheoryData<string, Exception, bool> Failures => new()
    {
        { "server refused the session", new PostgresException("database is not accepting connections", "FATAL", "FATAL", "55000"), true },
        { "server shut down", new PostgresException("terminating connection", "FATAL", "FATAL", "57P01"), true },
        { "a statement's error", new PostgresException("duplicate key", "ERROR", "ERROR", "23505"), false },
        { "no answer", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)), true },
        { "wrapped by EF", new InvalidOperationException("transient", new NpgsqlException("reset")), true },
        { "file cannot be opened", new SqliteException("unable to open database file", 14), true },
        { "disk full", new SqliteException("database or disk is full", 13), true },
        { "locked too long", new SqliteException("database is locked", 5), true },
        { "constraint", new SqliteException("UNIQUE constraint failed", 19), false },
        { "a bug", new InvalidOperationException("Sequence contains no elements"), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Only_an_unreachable_or_unwritable_database_is_an_outage(string _, Exception failure, bool outage) =>
        Assert.Equal(outage, DatabaseOutage.Caused(failure));
}
