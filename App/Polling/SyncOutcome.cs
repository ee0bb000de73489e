namespace Marketplaces.Polling;

public enum SyncResult { Synced, Failed, Skipped }

/// <param name="Items">Records read by this run (re-read ones included); all of them stored when it synced.</param>
public sealed record SyncOutcome(string Feed, SyncResult Result, int Pages, int Items, string Message);
