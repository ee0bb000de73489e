using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Hosting;
using Microsoft.AspNetCore.DataProtection;

namespace Marketplaces.Uploads;

/// <summary>
/// Addresses under <c>PublicBaseUrl</c> from which TikTok pulls a stored video (PULL_FROM_URL, tiktok.md §4.4). The
/// upload's id travels encrypted with the app's DataProtection keys together with its end of life, so an address
/// cannot be guessed, made up for another file, or used once it has expired; TikTok's download must end within an hour
/// of the init, and the address lasts two. TikTok takes such a URL only under a prefix verified for the app in its
/// developer portal, entered in the app's settings as <c>verifiedUrlPrefix</c>.
/// </summary>
public sealed class VideoPullUrls(PublicUrls urls, VideoUploads uploads, IDataProtectionProvider protection, TimeProvider clock)
{
    private const string Path = "/media/pull";
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Marketplaces.Uploads.Pull").ToTimeLimitedDataProtector();

    /// <summary>What every pull address starts with: the prefix to verify for the app on TikTok for Developers.</summary>
    public string Prefix => $"{urls.BaseUrl}{Path}/";

    public string For(VideoUpload upload) =>
        $"{Prefix}{AddressTokens.Of(upload.Id, bytes => _protector.Protect(bytes, clock.GetUtcNow() + Lifetime))}/{upload.Id:N}{System.IO.Path.GetExtension(upload.FileName).ToLowerInvariant()}";

    /// <summary>Why TikTok could not pull from this app for a connection of <paramref name="environment"/>, in words; null when it can.</summary>
    public string? Problem(AppCredentials credentials, MarketplaceEnvironment environment)
    {
        if (credentials.Get("verifiedUrlPrefix") is not { } verified)
            return $"No URL prefix verified for the TikTok app is set in Settings (verify {Prefix} on TikTok for Developers first).";
        if (!Prefix.StartsWith(verified, StringComparison.Ordinal))
            return $"The prefix verified for the TikTok app ({verified}) does not cover this app's address for TikTok, {Prefix}.";
        // The built-in sandbox reaches this app over its own address, which may be plain http on this machine.
        return environment != MarketplaceEnvironment.BuiltInSandbox && !Prefix.StartsWith("https://", StringComparison.Ordinal)
            ? "TikTok fetches only https addresses: set PublicBaseUrl to this app's https address."
            : null;
    }

    public void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet($"{Path}/{{token}}/{{name}}", async (string token, string name, CancellationToken ct) =>
            AddressTokens.IdOf(_protector, token) is { } id && name.StartsWith(id.ToString("N"), StringComparison.Ordinal)
            && await uploads.FindAsync(id, ct) is { StoredFile: not null } upload && File.Exists(uploads.PathOf(upload))
                ? Results.File(uploads.PathOf(upload), upload.ContentType, enableRangeProcessing: true)
                : Results.NotFound()).AllowAnonymous();
}
