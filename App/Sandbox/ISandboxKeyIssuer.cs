namespace Marketplaces.Sandbox;

/// <summary>
/// An emulator of a store whose seller types keys in: issues a fresh key as the store's back office would, so the
/// connect dialog can show it for the built-in sandbox instead of sending the seller to the store's page first.
/// </summary>
public interface ISandboxKeyIssuer
{
    string MarketplaceId { get; }

    /// <param name="store">The store URL typed in the dialog (a sandbox store may have several sites).</param>
    /// <returns>The keys by vault kind (the key connector's field kinds), or null when the URL is no sandbox store.</returns>
    Task<IReadOnlyDictionary<string, string>?> IssueKeysAsync(string? store, CancellationToken ct);
}
