namespace Marketplaces.Amazon.Sandbox;

/// <summary>What the emulator remembers with a code or token: which seller consented and where the code was sent.</summary>
/// <param name="RedirectUriAsked">The consent request named the redirect URI; the code exchange must then repeat it
/// (RFC 6749 §4.1.3). Without one the code went to the app's registered URI and the exchange may leave it out.</param>
internal sealed record AmazonAuthorization(string Account, string RedirectUri, bool RedirectUriAsked = true)
{
    public AmazonSandboxAccount Seller => AmazonSandboxAccount.FromName(Account);
}
