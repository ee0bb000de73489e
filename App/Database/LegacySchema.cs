using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Marketplaces.Database;

/// <summary>
/// A PostgreSQL database made before EF Core migrations (numbered SQL scripts in <c>schema_migrations</c>, Quartz's
/// tables, the old jobs page's <c>job_runs</c>) holds exactly the first migration's schema once those are gone: it is
/// marked as migrated to that point, keeping every row, and later migrations apply as usual.
/// </summary>
internal static class LegacySchema
{
    private const int LastScript = 8;

    public static async Task AdoptAsync(AppDbContext db, ILogger logger, CancellationToken ct)
    {
        var legacy = await db.Database.SqlQueryRaw<bool>(
            "SELECT to_regclass('public.schema_migrations') IS NOT NULL AND to_regclass('public.\"__EFMigrationsHistory\"') IS NULL AS \"Value\"")
            .SingleAsync(ct);
        if (!legacy) return;
        var version = await db.Database.SqlQueryRaw<int>("SELECT coalesce(max(version), 0) AS \"Value\" FROM schema_migrations").SingleAsync(ct);
        if (version != LastScript)
        {
            throw new Hosting.StartupRefusal($"This database was made by an older version of the app (schema {version}). Start the " +
                                             $"release that reached schema {LastScript} once to bring it up to date, then this one.");
        }
        var history = db.GetService<IHistoryRepository>();
        var first = db.Database.GetMigrations().First();
        var productVersion = typeof(DbContext).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().First().InformationalVersion.Split('+')[0];
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("""
            DROP TABLE IF EXISTS job_runs;
            DO $$ DECLARE t text; BEGIN
              FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'qrtz\_%' LOOP
                EXECUTE format('DROP TABLE %I CASCADE', t);
              END LOOP;
            END $$;
            DROP TABLE schema_migrations;
            """, ct);
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), ct);
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(first, productVersion)), ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Adopted a database made before EF Core migrations as {Migration}", first);
    }
}
