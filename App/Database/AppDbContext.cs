using Marketplaces.Settings;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Database;

/// <summary>
/// The app's one database model. Each provider has a context type of its own (<see cref="SqliteAppDbContext"/>,
/// <see cref="PostgreSqlAppDbContext"/>) only so that each has its own migrations; the model is this one, adjusted to
/// the provider's column types by <see cref="ProviderConventions"/>.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<IdentityUser>(options)
{
    public DbSet<StoredSetting> Settings => Set<StoredSetting>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        SnakeCaseNames.Apply(builder);
        ProviderConventions.Apply(builder, Database.IsSqlite() ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql);
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgreSqlAppDbContext(DbContextOptions<PostgreSqlAppDbContext> options) : AppDbContext(options);
