namespace Marketplaces.Database.Embedded;

/// <summary>
/// Registered before every other hosted service, so the cluster starts first and stops last, after the
/// scheduler has let go of its connections.
/// </summary>
public sealed class EmbeddedPostgresService(EmbeddedPostgres cluster, ILogger<EmbeddedPostgresService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => cluster.StartAsync(logger, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => cluster.StopAsync(logger);
}
