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
        var answers = 0;
        book.SendNextPage(own =>
        {
            if (Interlocked.Increment(ref answers) >= 3) WaitHandle.WaitAny([_release.WaitHandle, stopping.WaitHandle], TimeSpan.FromSeconds(60));
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
