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
            TimeSpan.FromSeconds(overrides.CodeSeconds ?? 299),
            TimeSpan.FromSeconds(overrides.AccessTokenSeconds ?? 7200),
            TimeSpan.FromSeconds(overrides.RefreshTokenSeconds ?? 47_304_000));
    }
}
