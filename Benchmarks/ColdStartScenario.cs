using System.Diagnostics;
using Marketplaces.Database;
using Marketplaces.Tests.Infrastructure;

namespace Marketplaces.Benchmarks;

/// <summary>
/// From starting the app's process to its first healthy <c>/healthz</c>: a first start on an empty data folder (schema
/// created), and a start on the folder it left (what a restart costs), each as a new <c>dotnet Marketplaces.dll</c>.
/// </summary>
public static class ColdStartScenario
{
    private const int Runs = 5;
    private static readonly TimeSpan SqliteTarget = TimeSpan.FromSeconds(3);

    public static async Task<IReadOnlyList<Figure>> RunAsync(DatabaseProvider provider)
    {
        var first = new List<double>();
        var again = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            var data = Path.Combine(TestPostgres.Root, "cold-start", Guid.NewGuid().ToString("N"));
            var postgres = provider == DatabaseProvider.PostgreSql ? await TestPostgres.CreateDatabaseAsync("coldstart") : "";
            first.Add(await TimeStartAsync(provider, data, postgres));
            again.Add(await TimeStartAsync(provider, data, postgres));
            Directory.Delete(data, recursive: true);
        }
        first.Sort();
        again.Sort();
        var how = $"median of {Runs} process starts (dotnet Marketplaces.dll, Release, Production environment) until GET /healthz answers 200, "
                  + $"on {provider.Store()}{(provider == DatabaseProvider.PostgreSql ? ", already running" : "")}; the process is killed after each";
        var target = provider == DatabaseProvider.Sqlite ? $"< {SqliteTarget.TotalSeconds:0} s" : "(none set)";
        bool? Passed(List<double> s) => provider == DatabaseProvider.Sqlite ? s[Runs / 2] < SqliteTarget.TotalSeconds : null;
        return
        [
            new("cold-start", $"{first[Runs / 2]:0.00} s (min {first[0]:0.00}, max {first[^1]:0.00})", target, Passed(first), $"empty data folder and database, schema created; {how}"),
            new("cold-start", $"{again[Runs / 2]:0.00} s (min {again[0]:0.00}, max {again[^1]:0.00})", target, Passed(again), $"the folder and database the first start left; {how}"),
        ];
    }

    private static async Task<double> TimeStartAsync(DatabaseProvider provider, string data, string postgres)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Marketplaces.dll"));
        info.Environment["DataDirectory"] = data;
        info.Environment["Urls"] = $"http://127.0.0.1:{port}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Database__Provider"] = provider.ToString();
        info.Environment["ConnectionStrings__Main"] = postgres;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (true)
            {
                if (process.HasExited) throw new InvalidOperationException($"the app exited with {process.ExitCode} before it was healthy");
                if (clock.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("not healthy within 60 s");
                try
                {
                    if ((await http.GetAsync($"http://127.0.0.1:{port}/healthz")).IsSuccessStatusCode) return clock.Elapsed.TotalSeconds;
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }
                await Task.Delay(20);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
