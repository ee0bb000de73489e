using System.Globalization;
using Marketplaces.Catalog;
using Marketplaces.Connections;

namespace Marketplaces.RateLimits;

/// <summary>
/// The limiter in the marketplace HTTP pipeline. A request carrying a <see cref="RateLimitKey"/> waits for its
/// allowance; a throttled answer blocks the key for Retry-After (or the marketplace's own signal), is retried once
/// when that wait is short, and otherwise becomes <see cref="MarketplaceErrorKind.RateLimited"/>.
/// </summary>
internal sealed class RateLimitHandler(RateLimiter limiter, MarketplaceCatalog catalog) : DelegatingHandler
{
    /// <summary>Longer waits are left to the caller (a job reschedules; a seller should not watch a spinner for minutes).</summary>
    internal static readonly TimeSpan LongestInlineWait = TimeSpan.FromSeconds(30);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (!request.Options.TryGetValue(RateLimitKey.Option, out var key)) return await base.SendAsync(request, ct);
        var signals = limiter.SignalsOf(key.Marketplace);
        for (var attempt = 1; ; attempt++)
        {
            await limiter.AcquireAsync(key, ct);
            var response = await base.SendAsync(request, ct);
            if (ObservedRate(response, signals) is { } rate) await limiter.ObserveRateAsync(key, rate, ct);
            if (!await ThrottledAsync(response, signals, ct)) return response;
            var wait = RetryAfter(response, signals, key);
            response.Dispose();
            await limiter.PenalizeAsync(key, wait, ct);
            if (attempt > 1 || wait > LongestInlineWait)
            {
                throw new MarketplaceException(MarketplaceErrorKind.RateLimited,
                    $"{catalog[key.Marketplace].Name} is throttling these calls; try again in {Math.Ceiling(wait.TotalSeconds)} s.",
                    null, wait, StatusCodes.Status429TooManyRequests);
            }
        }
    }

    private static async Task<bool> ThrottledAsync(HttpResponseMessage response, ThrottleSignals signals, CancellationToken ct)
    {
        if ((int)response.StatusCode == StatusCodes.Status429TooManyRequests) return true;
        if (signals.BodyCodes.Count == 0) return false;
        await response.Content.LoadIntoBufferAsync(ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        return signals.BodyCodes.Any(code => body.Contains($"\"{code}\"", StringComparison.Ordinal));
    }

    /// <summary>Retry-After first; then the rate the marketplace states (one call's worth); then our bucket's refill; then the catalog's default.</summary>
    private TimeSpan RetryAfter(HttpResponseMessage response, ThrottleSignals signals, RateLimitKey key)
    {
        if (response.Headers.RetryAfter is { } header)
        {
            var wait = header.Delta ?? (header.Date is { } date ? date - DateTimeOffset.UtcNow : TimeSpan.Zero);
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        if (ObservedRate(response, signals) is { } rate) return TimeSpan.FromSeconds(1 / rate);
        return limiter.RefillInterval(key) ?? TimeSpan.FromSeconds(signals.DefaultRetryAfterSeconds);
    }

    private static double? ObservedRate(HttpResponseMessage response, ThrottleSignals signals) =>
        signals.RateHeader is { } name && response.Headers.TryGetValues(name, out var values)
        && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate > 0
            ? rate
            : null;
}
