using System.Collections.Concurrent;
using System.Security.Cryptography;
using Marketplaces.Sandbox;
using Marketplaces.WooCommerce.Sandbox;

namespace Marketplaces.PrestaShop.Sandbox;

/// <summary>
/// The shop's webservice keys: 32 characters [A-Z0-9] as the back office generates them, stored hashed. Keys may do
/// everything the sandbox offers unless made read-only (GET only), as a seller may set a key up in the back office.
/// </summary>
public sealed class PrestaShopWebserviceKeys(SandboxGrants grants)
{
    private readonly ConcurrentDictionary<string, bool> _readOnly = new(StringComparer.Ordinal);

    public const int Length = 32;
    private const string Kind = "webservice-key";
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private sealed record KeyData(string Description);

    public async Task<string> CreateAsync(string description, CancellationToken ct)
    {
        var key = RandomNumberGenerator.GetString(Alphabet, Length);
        await grants.RegisterAsync(PrestaShopSandboxShop.Id, Kind, key, new KeyData(description), null, ct);
        return key;
    }

    public async Task<bool> IsActiveAsync(string key, CancellationToken ct) =>
        await grants.FindAsync(PrestaShopSandboxShop.Id, Kind, key, ct) is not null;

    /// <summary>Takes the key's write permissions away (<paramref name="readOnly"/> false gives them back).</summary>
    public void SetReadOnly(string key, bool readOnly) => _readOnly[key] = readOnly;

    public bool IsReadOnly(string? key) => key is not null && _readOnly.GetValueOrDefault(key);
}
