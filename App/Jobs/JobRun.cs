using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplaces.Jobs;

/// <summary>One execution of a job, as the jobs page shows it: when, where, how long, outcome, and the error in full.</summary>
public sealed class JobRun
{
    public long Id { get; set; }
    public required string JobGroup { get; set; }
    public required string JobName { get; set; }
    public required string TriggerName { get; set; }
    public required string InstanceId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public int DurationMs { get; set; }
    public bool Succeeded { get; set; }
    public string? Result { get; set; }
    public string? Error { get; set; }

    /// <summary>The exception with its stack trace; shown behind a toggle.</summary>
    public string? ErrorDetail { get; set; }
}
