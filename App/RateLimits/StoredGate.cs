using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplaces.RateLimits;

/// <summary>
/// One gate's row, shared by every app instance: what its bucket, windows and daily quota have counted, and what
/// throttled answers taught it. Written only by <see cref="GateStore"/>; empty arrays and nulls where the gate has no
/// such limit.
/// </summary>
public sealed class StoredGate
{
    public required string Marketplace { get; set; }
    public required string Account { get; set; }
    public required string OperationGroup { get; set; }

    /// <summary>Bumped on every write; zero for a gate not yet read or written.</summary>
    public long Version { get; set; }

    public double? BucketTokens { get; set; }
    public DateTimeOffset? BucketRefilledAt { get; set; }

    /// <summary>The marketplace's rate before this side's pace and any slowdown: the catalog's, or the one it stated.</summary>
    public double? BaseRate { get; set; }

    public double SlowFactor { get; set; } = 1;
    public DateTimeOffset? SlowedAt { get; set; }

    /// <summary>The calls of the last second and of the last minute.</summary>
    public DateTimeOffset[] SecondWindow { get; set; } = [];

    public DateTimeOffset[] MinuteWindow { get; set; } = [];

    /// <summary>The start of the counted day (a calendar day) or of its first hourly slot (a rolling day).</summary>
    public DateTimeOffset? DayStartedAt { get; set; }

    public int[] DayCounts { get; set; } = [];

    /// <summary>A throttled answer's Retry-After: nothing goes before it.</summary>
    public DateTimeOffset? BlockedUntil { get; set; }

    /// <summary>The daily quota is used up until then; what the card shows.</summary>
    public DateTimeOffset? ExhaustedUntil { get; set; }
}

internal sealed class StoredGateConfiguration : IEntityTypeConfiguration<StoredGate>
{
    public void Configure(EntityTypeBuilder<StoredGate> entity)
    {
        entity.ToTable("rate_limit_gates");
        entity.HasKey(g => new { g.Marketplace, g.Account, g.OperationGroup });
    }
}
