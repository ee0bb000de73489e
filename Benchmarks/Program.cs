using System.Diagnostics;
using Marketplaces.Benchmarks;

// Usage: Marketplaces.Benchmarks <ingest|rate-limited|idle|orders-list|full-sync [interval minutes, default 5]> — one scenario per process, so that peak memory and CPU
// belong to that scenario alone. scripts/bench runs them all and prints the table.
var scenario = args.FirstOrDefault() ?? "";
Func<Task<IReadOnlyList<Figure>>>? run = scenario switch
{
    "ingest" => IngestScenario.RunAsync,
    "rate-limited" => RateLimitedScenario.RunAsync,
    "orders-list" => OrdersListScenario.RunAsync,
    "full-sync" => FullSyncScenario.RunAsync,
    "idle" => () => IdleScenario.RunAsync(args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5),
    _ => null,
};
if (run is null)
{
    Console.Error.WriteLine("usage: Marketplaces.Benchmarks ingest|rate-limited|idle|orders-list|full-sync");
    return 2;
}
var clock = Stopwatch.StartNew();
foreach (var figure in await run()) Console.WriteLine(figure.Row);
Console.WriteLine($"WALL\t{scenario}\t{clock.Elapsed.TotalSeconds:0}");
return 0;
