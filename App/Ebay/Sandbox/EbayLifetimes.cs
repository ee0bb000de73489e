using Marketplaces.Sandbox;

namespace Marketplaces.Ebay.Sandbox;

/// <summary>
/// Lifetimes from ebay.md §1: the code 299 seconds (the callback's expires_in), user and application access
/// tokens 2 hours, the refresh token 47,304,000 seconds (18 months). Tests shorten them with Sandbox:Lifetimes:ebay.
/// </summary>
internal sealed record EbayLifetimes(TimeSpan Code, TimeSpan AccessToken, TimeSpan RefreshToken)
{
    public static EbayLifetimes From(SandboxOptions options)
    {
        var overrides = options.For(EbayEmulator.Id);
        return new EbayLifetimes(
            overrides.Code(TimeSpan.FromSeconds(299)),
            overrides.Access(TimeSpan.FromHours(2)),
            overrides.Refresh(TimeSpan.FromSeconds(47_304_000)));
    }
}
