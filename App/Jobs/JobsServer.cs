namespace Marketplaces.Jobs;

/// <summary>
/// This app instance's Hangfire server name (host, process and a random part, so two instances in one process differ);
/// Hangfire appends its own id to it. The dashboard lists it under Servers; the health check looks for it.
/// </summary>
public sealed record JobsServer(string Name)
{
    /// <summary>When this instance named its server; Hangfire announces it in storage a moment after the host starts.</summary>
    public DateTimeOffset NamedAt { get; init; } = TimeProvider.System.GetUtcNow();

    public static JobsServer ForThisProcess() =>
        new($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}".ToLowerInvariant());

    public bool Is(string serverId) => serverId.StartsWith(Name + ":", StringComparison.OrdinalIgnoreCase);
}
