using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Marketplaces.Tests.Infrastructure;

/// <summary>
/// A database that refuses writes while armed, as SQLite does with a full disk (SQLITE_FULL): the failing backend of
/// the pages whose only backend is the database (issue 11). Reads keep working, as they do on a full disk.
/// </summary>
public sealed class FailingDatabaseWrites : DbCommandInterceptor
{
    private volatile bool _armed;

    public void Arm() => _armed = true;

    public void Disarm() => _armed = false;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Refuse(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Refuse(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Refuse(DbCommand command)
    {
        var text = command.CommandText.TrimStart();
        if (_armed && (text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
                       || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)))
            throw new SqliteException("SQLite Error 13: 'database or disk is full'.", 13);
    }
}
