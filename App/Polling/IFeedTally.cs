using Marketplaces.Database;

namespace Marketplaces.Polling;

/// <summary>
/// How many of a feed's records the app holds for a connection, so that a sync which read nothing new says what is
/// there ("no new or changed orders since …; 3 orders held") instead of reading as "you have none".
/// </summary>
public interface IFeedTally
{
    string Feed { get; }

    Task<int> CountAsync(AppDbContext db, Guid connectionId, CancellationToken ct);
}
