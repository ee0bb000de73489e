namespace Marketplaces.Polling;

public enum SyncResult { Synced, Failed, Skipped }

/// <param name="Items">Records read by this run (re-read ones included); all of them stored when it synced.</param>
/// <param name="Unfinished">The run used its time and stored what it read; its window stays open for the next run.</param>
public sealed record SyncOutcome(string Feed, SyncResult Result, int Pages, int Items, string Message, bool Unfinished = false);
