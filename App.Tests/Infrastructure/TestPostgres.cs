using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Marketplaces.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL server for the whole test run (Debian's binaries, trust authentication on 127.0.0.1, started as the
/// <c>postgres</c> user when the run is root, which PostgreSQL refuses to be); each test class that runs on
/// PostgreSQL gets a database of its own in it. Stopped when the run ends.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<Task<string>> Server = new(StartAsync);

    public static string Root { get; } = Path.Combine(Path.GetTempPath(), $"marketplaces-tests-{Environment.ProcessId}");

    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var server = await Server.Value;
        var name = $"{prefix}_{Guid.NewGuid():N}".ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>A database outage as its apps see it: the database refuses new connections and its sessions are ended;
    /// <paramref name="refuse"/> false lets them back in.</summary>
    public static async Task RefuseConnectionsAsync(string connectionString, bool refuse = true)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString))
        {
            await admin.OpenAsync();
            var sql = refuse
                ? $"ALTER DATABASE {database} ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'"
                : $"ALTER DATABASE {database} ALLOW_CONNECTIONS true";
            await using var command = new NpgsqlCommand(sql, admin);
            await command.ExecuteNonQueryAsync();
        }
        NpgsqlConnection.ClearAllPools();
    }

    private static async Task<string> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderByDescending(d => d).FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL is not installed: scripts/test installs it (apt-get install postgresql).");
        var cluster = Path.Combine(Root, "postgres");
        Directory.CreateDirectory(Root);
        File.SetUnixFileMode(Root, (UnixFileMode)0b111_101_101);
        Directory.CreateDirectory(cluster);
        var runAs = Environment.IsPrivilegedProcess ? "postgres" : null;
        if (runAs is not null) await RunAsync("chown", ["postgres:", cluster], null);
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", cluster, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-instructions"], runAs);
        var port = FreePort();
        // Test classes run in parallel, each app with its own database and connection pools.
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["start", "-D", cluster, "-w", "-t", "60", "-l", Path.Combine(cluster, "server.log"),
            "-o", $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=500 -c fsync=off"], runAs);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            RunAsync(Path.Combine(bin, "pg_ctl"), ["stop", "-D", cluster, "-m", "immediate", "-w", "-t", "10"], runAs).GetAwaiter().GetResult();
            try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres", Timeout = 5, CommandTimeout = 60,
        }.ConnectionString;
    }

    private static async Task RunAsync(string file, string[] arguments, string? asUser)
    {
        var info = new ProcessStartInfo(asUser is null ? file : "runuser") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asUser is not null) foreach (var a in new[] { "-u", asUser, "--", file }) info.ArgumentList.Add(a);
        foreach (var a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(bound.Token);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} failed: {await output}{await errors}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
