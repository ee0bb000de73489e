namespace Marketplaces.Sandbox;

/// <summary>Settings under <c>Sandbox</c>.</summary>
public sealed class SandboxOptions
{
    /// <summary>Mounts the emulators and offers the Built-in sandbox environment. Default: on in Development and Testing.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Shorter token lifetimes for tests and demos, per marketplace id.</summary>
    public Dictionary<string, SandboxLifetimes> Lifetimes { get; set; } = new();

    public SandboxLifetimes For(string marketplaceId) => Lifetimes.GetValueOrDefault(marketplaceId) ?? new();
}

public sealed class SandboxLifetimes
{
    public int? AccessTokenSeconds { get; set; }
    public int? RefreshTokenSeconds { get; set; }
    public int? CodeSeconds { get; set; }

    public TimeSpan Access(TimeSpan fallback) => AccessTokenSeconds is { } s ? TimeSpan.FromSeconds(s) : fallback;
    public TimeSpan Refresh(TimeSpan fallback) => RefreshTokenSeconds is { } s ? TimeSpan.FromSeconds(s) : fallback;
    public TimeSpan Code(TimeSpan fallback) => CodeSeconds is { } s ? TimeSpan.FromSeconds(s) : fallback;
}
