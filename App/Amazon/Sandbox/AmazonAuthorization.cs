namespace Marketplaces.Amazon.Sandbox;

/// <summary>What the emulator remembers with a code or token: which seller consented and where the code was sent.</summary>
internal sealed record AmazonAuthorization(string Account, string RedirectUri)
{
    public AmazonSandboxAccount Seller => AmazonSandboxAccount.FromName(Account);
}
