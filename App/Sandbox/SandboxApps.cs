using System.Collections.Concurrent;
using System.Security.Cryptography;
using Marketplaces.Catalog;
using Marketplaces.Database;
using Marketplaces.Settings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Sandbox;

/// <summary>
/// The app registration each emulator knows: credentials generated on first use for every credential field in
/// the catalog and kept in the settings table (secrets encrypted), or the catalog's sandbox value for the field. The built-in sandbox environment connects with
/// them, so a seller tries the sandbox without registering anything.
/// </summary>
public sealed class SandboxApps(IDbContextFactory<AppDbContext> contexts, IDataProtectionProvider protection, MarketplaceCatalog catalog, Connections.PublicUrls urls)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Marketplaces.SandboxApps");
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _cache = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IReadOnlyDictionary<string, string>> GetAsync(string marketplaceId, CancellationToken ct = default)
    {
        if (_cache.TryGetValue(marketplaceId, out var cached)) return cached;
        await _gate.WaitAsync(ct);
        try
        {
            if (_cache.TryGetValue(marketplaceId, out cached)) return cached;
            var values = new Dictionary<string, string>();
            await using var db = await contexts.CreateDbContextAsync(ct);
            foreach (var field in catalog[marketplaceId].Credentials)
            {
                if (field.SandboxValue is { } given)
                {
                    values[field.Key] = given.Replace("{app}", urls.BaseUrl, StringComparison.Ordinal);
                    continue;
                }
                var key = $"sandbox-app:{marketplaceId}:{field.Key}";
                var stored = await db.Settings.SingleOrDefaultAsync(s => s.Key == key, ct);
                if (stored is null)
                {
                    var value = field.Secret
                        ? Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant()
                        : $"sandbox-{marketplaceId}-{field.Key}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant()}";
                    stored = new StoredSetting
                    {
                        Key = key, Value = field.Secret ? _protector.Protect(value) : value, IsProtected = field.Secret,
                        UpdatedAt = DateTimeOffset.UtcNow,
                    };
                    db.Settings.Add(stored);
                    try
                    {
                        await db.SaveChangesAsync(ct);
                    }
                    catch (DbUpdateException)
                    {
                        // Another instance registered it first; use theirs.
                        db.ChangeTracker.Clear();
                        stored = await db.Settings.SingleAsync(s => s.Key == key, ct);
                    }
                }
                values[field.Key] = stored.IsProtected ? _protector.Unprotect(stored.Value) : stored.Value;
            }
            return _cache[marketplaceId] = values;
        }
        finally
        {
            _gate.Release();
        }
    }
}
