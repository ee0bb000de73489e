using Marketplaces.Sandbox.Orders;

namespace Marketplaces.Tests.Polling;

/// <summary>
/// An emulator's order pages answered, from the third on, only once the test lets them go (at most a minute), as pages
/// behind a marketplace's rate limit would be; or once <c>stopping</c> fires, for an emulator inside the app's own
/// host, whose server would otherwise wait for that answer as it stops (a real marketplace's would not).
/// </summary>
internal sealed class HeldPages : IDisposable
{
    private readonly ManualResetEventSlim _release = new();

    public HeldPages(SandboxOrderBook book, CancellationToken stopping = default)
    {
        // Pages are told apart by the next link they carry, so a page read again (a read-ahead given up when a run
        // paused, then read by the run that goes on) is not taken for the third.
        var pages = new List<string>();
        book.SendNextPage(own =>
        {
            int index;
            lock (pages)
            {
                if (!pages.Contains(own ?? "")) pages.Add(own ?? "");
                index = pages.IndexOf(own ?? "");
            }
            if (index >= 2) WaitHandle.WaitAny([_release.WaitHandle, stopping.WaitHandle], TimeSpan.FromSeconds(60));
            return own;
        });
    }

    public void Release() => _release.Set();

    public void Dispose()
    {
        _release.Set();
        _release.Dispose();
    }
}
