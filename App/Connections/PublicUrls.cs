using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Marketplaces.Connections;

/// <summary>
/// The address marketplaces send the seller back to (setting <c>PublicBaseUrl</c>); redirect URIs are built from it
/// exactly. Unset, the app's own listening address is used, which suits the built-in sandbox and tests.
/// </summary>
public sealed class PublicUrls(IConfiguration configuration, IServer server)
{
    public string BaseUrl
    {
        get
        {
            var configured = configuration["PublicBaseUrl"];
            if (!string.IsNullOrWhiteSpace(configured)) return configured.TrimEnd('/');
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("Set PublicBaseUrl: the app's public address is not known.");
            return address.Replace("://0.0.0.0", "://127.0.0.1").Replace("://[::]", "://localhost").Replace("://+", "://localhost").TrimEnd('/');
        }
    }

    /// <summary>Where OAuth marketplaces redirect after consent: exactly this string is registered with them.</summary>
    public string Callback(string marketplaceId) => $"{BaseUrl}/connections/callback/{marketplaceId}";

    /// <summary>The root of the built-in emulators, substituted for {sandbox} in catalog URLs.</summary>
    public string SandboxRoot => $"{BaseUrl}/sandbox";
}
