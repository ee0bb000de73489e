using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Marketplaces.Hosting;
using Npgsql;

namespace Marketplaces.Database.Embedded;

/// <summary>
/// A private PostgreSQL cluster under the data directory, created on first start and reused after, listening on
/// 127.0.0.1 only, with a generated password kept owner-only beside it. PostgreSQL refuses to run as root, so
/// when the app is root the server runs as the <c>postgres</c> system user.
/// </summary>
public sealed class EmbeddedPostgres
{
    public const string UserName = "marketplaces";
    public const string DatabaseName = "marketplaces";
    private const string ServerUser = "postgres";

    private readonly AppPaths _paths;
    private readonly EmbeddedPostgresOptions _options;
    private readonly string _password;

    public EmbeddedPostgres(AppPaths paths, EmbeddedPostgresOptions options)
    {
        _paths = paths;
        _options = options;
        _password = ReadOrCreatePassword(paths.PostgresPasswordFile);
        Port = RunningServerPort() ?? (options.Port > 0 ? options.Port : FreePort());
    }

    public int Port { get; }
    public string DataDirectory => _paths.Postgres;
    private string? RunAs => Environment.IsPrivilegedProcess ? ServerUser : null;
    private string LogFile => Path.Combine(DataDirectory, "server.log");

    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Username = UserName, Password = _password, Database = DatabaseName,
        Timeout = 5, CommandTimeout = 60,
    }.ConnectionString;

    public bool IsInitialized => File.Exists(Path.Combine(DataDirectory, "PG_VERSION"));

    public async Task StartAsync(ILogger logger, CancellationToken ct)
    {
        var binaries = PostgresBinaries.Find(_options.PostgresBinDirectory);
        if (RunAs is not null) EnsureServerUserCanReach(_paths.DataDirectory);
        if (!IsInitialized) await InitializeAsync(binaries, logger, ct);
        if (RunningServerPort() is not null)
        {
            logger.LogInformation("Embedded PostgreSQL already running on 127.0.0.1:{Port}; reusing it", Port);
        }
        else
        {
            var start = await ProcessRunner.RunAsync(binaries.PgCtl,
                ["start", "-D", DataDirectory, "-w", "-t", _options.StartTimeoutSeconds.ToString(), "-l", LogFile,
                 "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" +
                       (_options.MaxConnections is { } max ? $" -c max_connections={max}" : "")],
                RunAs, TimeSpan.FromSeconds(_options.StartTimeoutSeconds + 5), ct);
            if (start.ExitCode != 0)
                throw new InvalidOperationException($"Embedded PostgreSQL did not start (see {LogFile}): {start.Output}");
            logger.LogInformation("Embedded PostgreSQL started on 127.0.0.1:{Port} with data in {Dir}", Port, DataDirectory);
        }
        await EnsureDatabaseAsync(ct);
    }

    /// <summary>Stops the server within the configured bound; escalates to an immediate stop, never hangs.</summary>
    public async Task StopAsync(ILogger logger)
    {
        if (RunningServerPort() is null) return;
        var binaries = PostgresBinaries.Find(_options.PostgresBinDirectory);
        var bound = TimeSpan.FromSeconds(_options.StopTimeoutSeconds);
        foreach (var mode in new[] { "fast", "immediate" })
        {
            try
            {
                var stop = await ProcessRunner.RunAsync(binaries.PgCtl,
                    ["stop", "-D", DataDirectory, "-m", mode, "-w", "-t", _options.StopTimeoutSeconds.ToString()],
                    RunAs, bound + TimeSpan.FromSeconds(2));
                if (stop.ExitCode == 0)
                {
                    logger.LogInformation("Embedded PostgreSQL stopped ({Mode})", mode);
                    return;
                }
                logger.LogWarning("Embedded PostgreSQL {Mode} stop failed: {Output}", mode, stop.Output);
            }
            catch (TimeoutException e)
            {
                logger.LogWarning("Embedded PostgreSQL {Mode} stop timed out: {Message}", mode, e.Message);
            }
        }
    }

    private async Task InitializeAsync(PostgresBinaries binaries, ILogger logger, CancellationToken ct)
    {
        Directory.CreateDirectory(DataDirectory);
        var passwordFile = Path.Combine(_paths.DataDirectory, $".initdb-{Guid.NewGuid():N}");
        OwnerOnly.WriteAllText(passwordFile, _password);
        try
        {
            if (RunAs is not null)
            {
                await ChownAsync(DataDirectory, ct);
                await ChownAsync(passwordFile, ct);
            }
            var init = await ProcessRunner.RunAsync(binaries.InitDb,
                ["-D", DataDirectory, "-U", UserName, "--pwfile", passwordFile, "-A", "scram-sha-256",
                 "-E", "UTF8", "--locale=C", "--no-instructions"],
                RunAs, TimeSpan.FromMinutes(2), ct);
            if (init.ExitCode != 0) throw new InvalidOperationException($"initdb failed: {init.Output}");
            logger.LogInformation("Created the embedded PostgreSQL cluster in {Dir}", DataDirectory);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private async Task EnsureDatabaseAsync(CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
            { Parameters = { new() { Value = DatabaseName } } };
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName}", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The port of a server already running on this cluster (after an unclean app exit), if any.</summary>
    private int? RunningServerPort()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile)) return null;
        var lines = File.ReadAllLines(pidFile);
        if (lines.Length < 4 || !int.TryParse(lines[0], out var pid) || !int.TryParse(lines[3], out var port)) return null;
        return Directory.Exists($"/proc/{pid}") ? port : null;
    }

    private static async Task ChownAsync(string path, CancellationToken ct)
    {
        var result = await ProcessRunner.RunAsync("chown", [$"{ServerUser}:", path], null, TimeSpan.FromSeconds(10), ct);
        if (result.ExitCode != 0) throw new InvalidOperationException($"chown {path} failed: {result.Output}");
    }

    private static void EnsureServerUserCanReach(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            if ((dir.UnixFileMode & UnixFileMode.OtherExecute) == 0)
                throw new InvalidOperationException(
                    $"The app runs as root, so its database server runs as the '{ServerUser}' user, which cannot enter {dir.FullName}. " +
                    "Put the app in a folder other users can traverse (for example /srv or /opt), run it as a regular user, " +
                    "or set DataDirectory to such a folder.");
        }
    }

    private static string ReadOrCreatePassword(string file)
    {
        if (File.Exists(file)) return File.ReadAllText(file).Trim();
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        OwnerOnly.WriteAllText(file, password);
        return password;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
