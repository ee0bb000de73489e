namespace Marketplaces.Dashboard;

/// <summary>The outcome of the last action on a card (connect result, refresh, disconnect), shown on that card.</summary>
public sealed record CardNotice(bool Succeeded, string Message);
