namespace Marketplaces.Polling;

public enum SyncResult { Synced, Failed, Skipped }

/// <param name="Items">Records stored by this run (re-read ones included).</param>
public sealed record SyncOutcome(string Feed, SyncResult Result, int Pages, int Items, string Message);
