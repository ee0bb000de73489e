namespace Marketplaces.TikTok.Sandbox;

/// <summary>
/// TikTok for Developers (Login Kit v2, web) rules as shared/marketplaces/tiktok.md states them, kept apart from the
/// catalog on purpose: a catalog mistake must fail a test instead of agreeing with a copy of itself.
/// </summary>
internal static class TikTokSandboxRules
{
    public const string Id = "tiktok";
    public const string Name = "TikTok";

    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(24);

    /// <summary>Counted from the first issue: the emulator's refreshes rotate the token but never extend this (sheet §2.4 UNCONFIRMED).</summary>
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(365);

    /// <summary>The sheet is silent; ten minutes is what third-party write-ups quote and what RFC 6749 recommends at most.</summary>
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    /// <summary>Login Kit and Content Posting scopes the sandbox app is approved for.</summary>
    public static readonly IReadOnlySet<string> Scopes = new HashSet<string>(StringComparer.Ordinal)
    {
        "user.info.basic", "user.info.profile", "user.info.stats", "video.list", "video.upload", "video.publish",
    };
}
