using System.Diagnostics;
using System.Globalization;
using Marketplaces.Benchmarks;

// Usage: Marketplaces.Benchmarks <scenario> <sqlite|postgresql> [idle: interval minutes, default 5] — one scenario on
// one provider per process, so that peak memory and CPU belong to that run alone. scripts/bench runs them and prints
// the table, the provider in the scenario column.
const string Usage = "usage: Marketplaces.Benchmarks ingest|orders-list|idle|rate-limited|cold-start|full-sync|publish|stock|webhooks|upload sqlite|postgresql [idle interval minutes]";
var scenario = args.ElementAtOrDefault(0) ?? "";
var provider = BenchProvider.Parse(args.ElementAtOrDefault(1));
if (provider is not { } on)
{
    Console.Error.WriteLine(Usage);
    return 2;
}
Func<Task<IReadOnlyList<Figure>>>? run = scenario switch
{
    "ingest" => () => IngestScenario.RunAsync(on),
    "orders-list" => () => OrdersListScenario.RunAsync(on),
    "idle" => () => IdleScenario.RunAsync(on, args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 5),
    "rate-limited" => () => RateLimitedScenario.RunAsync(on),
    "cold-start" => () => ColdStartScenario.RunAsync(on),
    "full-sync" => () => FullSyncScenario.RunAsync(on),
    "publish" => () => PublishScenario.RunAsync(on),
    "stock" => () => StockScenario.RunAsync(on),
    "webhooks" => () => WebhooksScenario.RunAsync(on),
    "upload" => () => UploadScenario.RunAsync(on),
    _ => null,
};
if (run is null)
{
    Console.Error.WriteLine(Usage);
    return 2;
}
var clock = Stopwatch.StartNew();
foreach (var figure in await run()) Console.WriteLine((figure with { Scenario = $"{figure.Scenario} ({on.Name()})" }).Row);
Console.WriteLine($"WALL\t{scenario} ({on.Name()})\t{clock.Elapsed.TotalSeconds:0}");
return 0;
