using System.Collections.Concurrent;

namespace Marketplaces.Sandbox;

/// <summary>
/// In-memory record of what the emulators were asked and what they issued, for tests and diagnostics. Never
/// persisted and never served over HTTP: the issued tokens here exist to prove they appear nowhere else.
/// </summary>
public sealed class SandboxJournal
{
    private readonly ConcurrentQueue<(string Marketplace, string Operation, DateTimeOffset At)> _requests = new();
    private readonly ConcurrentQueue<(string Marketplace, string Kind, string Token)> _issued = new();

    public void Request(string marketplace, string operation) => _requests.Enqueue((marketplace, operation, DateTimeOffset.UtcNow));

    public void Issued(string marketplace, string kind, string token) => _issued.Enqueue((marketplace, kind, token));

    public int Count(string marketplace, string operation) => _requests.Count(r => r.Marketplace == marketplace && r.Operation == operation);

    public IReadOnlyList<string> IssuedTokens(string? marketplace = null) =>
        _issued.Where(i => marketplace is null || i.Marketplace == marketplace).Select(i => i.Token).ToList();
}
