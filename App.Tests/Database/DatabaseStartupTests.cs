using System.Diagnostics;
using Marketplaces.Database;
using Marketplaces.Hosting;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Database;

/// <summary>Which database the app uses, and the start-up refusals of a database it cannot use: clear words, nothing changed.</summary>
public sealed class DatabaseStartupTests
{
    [Fact]
    public async Task By_default_the_data_is_one_SQLite_file_in_the_data_folder_in_WAL_mode_with_foreign_keys_on()
    {
        await using var app = new AppFactory();
        await app.InitializeAsync();
        Assert.Equal(DatabaseProvider.Sqlite, app.Database.Provider);
        var file = Path.Combine(app.DataDirectory, "marketplaces.db");
        Assert.True(File.Exists(file));
        await using var connection = new SqliteConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        Assert.Equal("1", await ScalarAsync(connection, "PRAGMA foreign_keys"));
        Assert.Contains("Sqlite", await app.CreateClient().WaitUntilHealthyAsync());
    }

    [Fact]
    public async Task Commits_leave_the_write_ahead_log_to_a_background_checkpoint_that_moves_them_into_the_file_within_seconds()
    {
        await using var app = new AppFactory();
        await app.InitializeAsync();
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Database.OpenConnectionAsync();
            Assert.Equal("0", await ScalarAsync((SqliteConnection)db.Database.GetDbConnection(), "PRAGMA wal_autocheckpoint"));
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE checkpoint_probe (x INTEGER); INSERT INTO checkpoint_probe VALUES (42)");
        }

        // A copy of the database file alone (no log beside it) holds only what a checkpoint has moved into it.
        var copy = Path.Combine(app.DataDirectory, "file-only.db");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        string? found = null;
        while (found is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            foreach (var stale in Directory.GetFiles(app.DataDirectory, "file-only.db*")) File.Delete(stale);
            File.Copy(Path.Combine(app.DataDirectory, "marketplaces.db"), copy);
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            try { found = await ScalarAsync(connection, "SELECT x FROM checkpoint_probe"); }
            catch (SqliteException) { } // not checkpointed yet
        }
        Assert.Equal("42", found);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_first_start_on_an_empty_database_migrates_it_and_logs_no_error(DatabaseProvider provider)
    {
        await using var app = new AppFactory().On(provider);
        await app.InitializeAsync();
        await app.CreateClient().WaitUntilHealthyAsync();
        Assert.Contains(app.Logs.Lines, l => l.Contains("Database schema is at migration", StringComparison.Ordinal));
        var errors = app.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
        Assert.True(!errors.Any(), string.Join("\n", errors));
    }

    [Fact]
    public async Task A_second_process_on_the_same_SQLite_data_folder_is_refused_and_says_why()
    {
        await using var first = new AppFactory();
        await first.InitializeAsync();
        await using var second = new AppFactory().Reusing(first);
        var refusal = await Assert.ThrowsAsync<StartupRefusal>(second.InitializeAsync);
        Assert.Contains("already running on the data folder", refusal.Message);
        Assert.Contains($"process {Environment.ProcessId}", refusal.Message);
        Assert.Contains("Database:Provider=PostgreSql", refusal.Message);
        Assert.Contains("Sqlite", await first.CreateClient().WaitUntilHealthyAsync());
    }

    [Fact]
    public async Task The_data_folder_can_be_used_again_once_its_process_stopped()
    {
        var first = new AppFactory();
        await first.InitializeAsync();
        await first.DisposeAsync();
        await using var second = new AppFactory().Reusing(first);
        await second.InitializeAsync();
        Assert.Contains("Sqlite", await second.CreateClient().WaitUntilHealthyAsync());
    }

    [Fact]
    public async Task An_unknown_provider_name_is_refused_naming_the_two_that_work()
    {
        await using var app = new AppFactory().With("Database:Provider", "Oracle");
        var refusal = await Assert.ThrowsAsync<StartupRefusal>(app.InitializeAsync);
        Assert.Contains("\"Oracle\"", refusal.Message);
        Assert.Contains("Sqlite", refusal.Message);
        Assert.Contains("PostgreSql", refusal.Message);
    }

    [Fact]
    public async Task PostgreSql_without_a_connection_string_is_refused()
    {
        await using var app = new AppFactory().With("Database:Provider", "postgresql");
        var refusal = await Assert.ThrowsAsync<StartupRefusal>(app.InitializeAsync);
        Assert.Contains("ConnectionStrings:Main is empty", refusal.Message);
    }

    [Fact]
    public async Task An_unreachable_PostgreSQL_server_is_refused_within_the_bound_without_showing_the_password()
    {
        await using var app = new AppFactory().With("Database:Provider", "PostgreSql")
            .With("ConnectionStrings:Main", "Host=127.0.0.1;Port=9;Database=shop;Username=seller;Password=s3cret-pw;Timeout=1")
            .With("Database:StartTimeoutSeconds", "2");
        var watch = Stopwatch.StartNew();
        var refusal = await Assert.ThrowsAsync<StartupRefusal>(app.InitializeAsync);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.Contains("Cannot use the PostgreSQL server at 127.0.0.1:9 (database shop)", refusal.Message);
        Assert.DoesNotContain("s3cret-pw", refusal.Message);
    }

    [Fact]
    public async Task A_data_folder_that_cannot_be_created_is_refused()
    {
        await using var app = new AppFactory().With("DataDirectory", "/proc/marketplaces-data");
        var refusal = await Assert.ThrowsAsync<StartupRefusal>(app.InitializeAsync);
        Assert.Contains("/proc/marketplaces-data cannot be created or written", refusal.Message);
    }

    [Fact]
    public async Task A_read_only_data_folder_is_refused_and_left_as_it_was()
    {
        using var mount = TmpfsMount.TryCreate("ro,size=1m");
        if (mount is null) return; // mounting needs root; CI and these machines run as root
        await using var app = new AppFactory().With("DataDirectory", mount.Path);
        var refusal = await Assert.ThrowsAsync<StartupRefusal>(app.InitializeAsync);
        Assert.Contains("cannot be created or written", refusal.Message);
        Assert.Empty(Directory.GetFileSystemEntries(mount.Path));
    }

    [Fact]
    public async Task A_full_disk_is_refused_in_words()
    {
        using var mount = TmpfsMount.TryCreate("size=96k");
        if (mount is null) return;
        await using var app = new AppFactory().With("DataDirectory", mount.Path);
        var refusal = await Assert.ThrowsAsync<StartupRefusal>(app.InitializeAsync);
        Assert.Contains("is full", refusal.Message);
    }

    [Fact]
    public async Task The_app_process_prints_a_refusal_and_exits_non_zero_without_a_stack_trace()
    {
        var exit = await AppProcess.RunToExitAsync(new Dictionary<string, string>
        {
            ["Database__Provider"] = "Oracle",
            ["DataDirectory"] = Path.Combine(TestPostgres.Root, "refused", Guid.NewGuid().ToString("N")),
        }, TimeSpan.FromSeconds(60));
        Assert.Equal(2, exit.Code);
        var text = exit.Errors;
        Assert.StartsWith("Marketplaces did not start: Database:Provider is \"Oracle\"", text);
        Assert.DoesNotContain("   at ", text);
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = new SqliteCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
