namespace Marketplaces.RateLimits;

/// <summary>
/// Bounds each attempt, body included, in place of <see cref="HttpClient.Timeout"/>, which would also count the
/// time a call waits for its rate-limit allowance. A timeout surfaces as <see cref="TaskCanceledException"/>, as
/// HttpClient's own does.
/// </summary>
internal sealed class AttemptTimeoutHandler(TimeSpan timeout) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
        attempt.CancelAfter(timeout);
        try
        {
            var response = await base.SendAsync(request, attempt.Token);
            try
            {
                await response.Content.LoadIntoBufferAsync(attempt.Token);
                return response;
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new TaskCanceledException($"No answer within {timeout.TotalSeconds} s", new TimeoutException(e.Message, e));
        }
    }
}
