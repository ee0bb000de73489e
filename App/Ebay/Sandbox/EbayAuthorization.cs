namespace Marketplaces.Ebay.Sandbox;

/// <summary>What the emulator remembers with a code or token: which user consented, to which scopes.</summary>
internal sealed record EbayAuthorization(string Account, IReadOnlyList<string> Scopes)
{
    public EbaySandboxAccount User => EbaySandboxAccount.FromName(Account);
}
