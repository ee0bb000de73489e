using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Marketplaces.Database;

/// <summary>
/// Inserts many new rows of one entity inside the context's transaction, faster than EF Core's save, which sends one
/// statement per row with its own change tracking (it dominated order ingest). PostgreSQL gets multi-row
/// <c>INSERT … VALUES (…), (…)</c> statements, one round trip for hundreds of rows. SQLite gets one single-row statement
/// prepared once and stepped for every row: it has no round trips to save, and binds parameters by name at a cost
/// that grows with their number. Columns and values come from the model through each property's own type mapping,
/// so the provider's column types and SQLite's value converters apply unchanged; an entity split over several tables
/// gets a statement per table. A store-generated integer key (identity) is left to the database.
/// </summary>
public static class BulkInsert
{
    // PostgreSQL allows 65,535 parameters a statement; fewer rows a statement than that keep each one small.
    private const int MaxParameters = 30_000;
    private const int MaxRows = 500;

    public static async Task InsertAsync<T>(AppDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var tables = new[] { StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()) }
            .Concat(entity.GetMappingFragments(StoreObjectType.Table).Select(f => f.StoreObject));
        foreach (var table in tables)
        {
            var columns = entity.GetProperties().Where(p => !IsIdentity(p) && p.GetColumnName(table) is not null)
                .Select(p => (Property: p, Mapping: p.GetRelationalTypeMapping())).ToList();
            await InsertAsync(db, table, columns, rows, ct);
        }
    }

    private static async Task InsertAsync<T>(AppDbContext db, StoreObjectIdentifier table,
        IReadOnlyList<(IProperty Property, RelationalTypeMapping Mapping)> columns, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        var rowsPerStatement = db.Database.IsSqlite() ? 1 : Math.Clamp(MaxParameters / columns.Count, 1, MaxRows);

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        DbCommand? command = null;
        try
        {
            foreach (var chunk in rows.Chunk(rowsPerStatement))
            {
                if (command is null || command.Parameters.Count != chunk.Length * columns.Count)
                {
                    if (command is not null) await command.DisposeAsync();
                    command = Statement(db, connection, table, columns, chunk.Length);
                }
                var n = 0;
                foreach (var row in chunk)
                {
                    foreach (var (property, mapping) in columns)
                    {
                        var value = property.GetGetter().GetClrValue(row);
                        command.Parameters[n++].Value = (value is null ? null : mapping.Converter?.ConvertToProvider(value) ?? value) ?? DBNull.Value;
                    }
                }
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            if (command is not null) await command.DisposeAsync();
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    private static DbCommand Statement(AppDbContext db, DbConnection connection, StoreObjectIdentifier table,
        IReadOnlyList<(IProperty Property, RelationalTypeMapping Mapping)> columns, int rows)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var text = new StringBuilder($"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} (")
            .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!))).Append(") VALUES ");
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                // Named as written in the SQL ("@p0"): Microsoft.Data.Sqlite then finds each in one look-up, not one per prefix.
                var name = sql.GenerateParameterNamePlaceholder($"p{r * columns.Count + c}");
                text.Append(c == 0 ? "" : ", ").Append(name);
                command.Parameters.Add(columns[c].Mapping.CreateParameter(command, name, null, columns[c].Property.IsNullable));
            }
            text.Append(')');
        }
        command.CommandText = text.ToString();
        command.Prepare();
        return command;
    }

    private static bool IsIdentity(IProperty property) =>
        property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && (property.ClrType == typeof(long) || property.ClrType == typeof(int));
}
