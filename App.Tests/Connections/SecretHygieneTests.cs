using Marketplaces.Database;
using System.Diagnostics;
using Marketplaces.Connections;
using Marketplaces.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplaces.Tests.Connections;

/// <summary>
/// After connecting every marketplace, no token the emulators issued and no app secret appears in clear in a
/// database dump, in the log files, in any log line, or in the dashboard's HTML.
/// </summary>
public sealed class SecretHygieneTests
{
    [Fact]
    public async Task Tokens_and_secrets_appear_nowhere_in_clear()
    {
        await using var app = new ServerAppFactory();
        await app.InitializeAsync();
        using var browser = await SandboxBrowserlessClient.SignedInOwnerAsync(app);
        var connected = new List<Guid>();
        foreach (var marketplace in SandboxAccounts.OAuth)
        {
            var dashboard = await browser.ConnectAsync(marketplace, SandboxAccounts.For(marketplace, app), "hygiene-seller");
            connected.Add(Guid.Parse(dashboard["connected"]));
        }
        foreach (var marketplace in SandboxAccounts.Keyed)
        {
            var outcome = await SandboxAccounts.ConnectKeyedAsync(app, marketplace);
            Assert.True(outcome.Succeeded, outcome.Message);
        }
        await app.Services.GetRequiredService<TokenRefresher>().RefreshAsync(connected[2], "test");

        var secrets = app.Services.GetRequiredService<SandboxJournal>().IssuedTokens().ToList();
        foreach (var marketplace in SandboxAccounts.OAuth)
        {
            var registered = await app.Services.GetRequiredService<SandboxApps>().GetAsync(marketplace);
            var catalog = app.Services.GetRequiredService<Marketplaces.Catalog.MarketplaceCatalog>()[marketplace];
            secrets.AddRange(catalog.Credentials.Where(c => c.Secret).Select(c => registered[c.Key]));
        }
        Assert.True(secrets.Count >= 20, $"only {secrets.Count} secrets collected");

        var dump = await DumpAsync(app.Database);
        var logFiles = string.Join("\n", Directory.GetFiles(Path.Combine(app.DataDirectory, "logs")).Select(File.ReadAllText));
        var logLines = string.Join("\n", app.Logs.Lines);
        var html = await (await browser.GetAsync("/")).Content.ReadAsStringAsync();
        Assert.Contains("connection_secrets", dump);
        foreach (var secret in secrets.Where(s => s.Length >= 12))
        {
            Assert.DoesNotContain(secret, dump);
            Assert.DoesNotContain(secret, logFiles);
            Assert.DoesNotContain(secret, logLines);
            Assert.DoesNotContain(secret, html);
        }
    }

    /// <summary>Everything the database holds, as text: SQLite's file and its write-ahead log byte for byte, or pg_dump.</summary>
    private static async Task<string> DumpAsync(DatabaseConnection database)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            return string.Concat(new[] { file, file + "-wal" }.Where(File.Exists).Select(f =>
            {
                using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                return new StreamReader(stream, System.Text.Encoding.Latin1).ReadToEnd();
            }));
        }
        var connectionString = database.ConnectionString;
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var pgDump = Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin", "pg_dump")).First(File.Exists);
        var info = new ProcessStartInfo(pgDump)
        {
            ArgumentList = { "-h", builder.Host!, "-p", builder.Port.ToString(), "-U", builder.Username!, "--no-owner", builder.Database! },
            RedirectStandardOutput = true, RedirectStandardError = true,
            Environment = { ["PGPASSWORD"] = builder.Password },
        };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await errors);
        return await output;
    }
}
