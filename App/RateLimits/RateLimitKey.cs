namespace Marketplaces.RateLimits;

/// <summary>
/// Whose allowance a call spends: one marketplace, one seller account, one operation group from the catalog's
/// <c>rateLimits</c>. Put it on a request with <see cref="Set"/>; requests without one pass the limiter untouched.
/// </summary>
public sealed record RateLimitKey(string Marketplace, string Account, string Group)
{
    /// <summary>The account part of keys whose allowance the whole app shares (eBay, Etsy, AliExpress).</summary>
    public const string Application = "";

    public static readonly HttpRequestOptionsKey<RateLimitKey> Option = new("Marketplaces.RateLimitKey");

    public HttpRequestMessage Set(HttpRequestMessage request)
    {
        request.Options.Set(Option, this);
        return request;
    }
}
