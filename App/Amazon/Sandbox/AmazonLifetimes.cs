using Marketplaces.Sandbox;

namespace Marketplaces.Amazon.Sandbox;

/// <summary>
/// Lifetimes from amazon.md §1: the code lives 5 minutes, the access token 1 hour, the refresh token has no fixed
/// lifetime (it dies when the seller removes the app). Tests shorten them with Sandbox:Lifetimes:amazon.
/// </summary>
internal sealed record AmazonLifetimes(TimeSpan Code, TimeSpan AccessToken, TimeSpan? RefreshToken)
{
    public static AmazonLifetimes From(SandboxOptions options)
    {
        var overrides = options.For(AmazonEmulator.Id);
        return new AmazonLifetimes(
            overrides.Code(TimeSpan.FromMinutes(5)),
            overrides.Access(TimeSpan.FromHours(1)),
            overrides.RefreshTokenSeconds is { } refresh ? TimeSpan.FromSeconds(refresh) : null);
    }
}
