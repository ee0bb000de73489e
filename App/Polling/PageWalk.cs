using Marketplaces.Connections;

namespace Marketplaces.Polling;

/// <summary>
/// The page tokens of one run's walk through a window. A token that comes back ends the walk as the marketplace's
/// error instead of a loop, and a window that has taken more pages than anyone sells in one is given up.
/// </summary>
internal sealed class PageWalk(string marketplace, int pagesInWindow, int maxPagesPerWindow)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private int _pages = pagesInWindow;

    /// <summary>Whether the walk ended on a token that came back or on too many pages: its window is then given up.</summary>
    public bool Broken { get; private set; }

    /// <summary>The token a resumed run starts from counts as seen.</summary>
    public void Resume(string? token)
    {
        if (token is not null) _seen.Add(token);
    }

    /// <summary>Checks the token of the page about to be read.</summary>
    public void Next(string token)
    {
        Broken = true;
        if (!_seen.Add(token))
            throw new MarketplaceException(MarketplaceErrorKind.Rejected,
                $"{marketplace} sent a next-page token it had already sent in this walk; the walk stopped so as not to loop. The window is read again from the start on a later run.");
        if (++_pages > maxPagesPerWindow)
            throw new MarketplaceException(MarketplaceErrorKind.Rejected,
                $"{marketplace} kept sending further pages: more than {maxPagesPerWindow:N0} in one window. The window is read again from the start on a later run.");
        Broken = false;
    }
}
