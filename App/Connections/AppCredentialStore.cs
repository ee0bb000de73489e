using Marketplaces.Catalog;
using Marketplaces.Database;
using Marketplaces.Sandbox;
using Marketplaces.Settings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Connections;

/// <summary>Where an app credential's value comes from, as the settings page shows it.</summary>
public enum CredentialSource { Missing, Configuration, Settings, Sandbox }

/// <param name="Previous">A secret's value before the owner replaced it on the settings page, within the last hour.</param>
public sealed record CredentialValue(CredentialField Field, CredentialSource Source, string? Value, string? Previous = null);

/// <summary>
/// App credentials per marketplace and environment. Configuration (<c>Marketplaces:{id}:{environment}:{key}</c>,
/// or the environment variable <c>Marketplaces__{id}__{environment}__{key}</c>) wins over values the owner entered
/// on the settings page, which are stored encrypted. The built-in sandbox uses its emulators' registrations.
/// </summary>
public sealed class AppCredentialStore(
    IConfiguration configuration, IDbContextFactory<AppDbContext> contexts, IDataProtectionProvider protection,
    MarketplaceCatalog catalog, SandboxApps sandboxApps)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Marketplaces.AppCredentials");

    public static string ConfigurationKey(string marketplaceId, MarketplaceEnvironment environment, string key) =>
        $"Marketplaces:{marketplaceId}:{environment}:{key}";

    public async Task<IReadOnlyList<CredentialValue>> ReadAsync(string marketplaceId, MarketplaceEnvironment environment, CancellationToken ct = default)
    {
        var fields = catalog[marketplaceId].Credentials;
        var sandbox = environment == MarketplaceEnvironment.BuiltInSandbox ? await sandboxApps.GetAsync(marketplaceId, ct) : null;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var prefix = SettingsPrefix(marketplaceId, environment);
        var stored = await db.Settings.Where(s => s.Key.StartsWith(prefix)).ToDictionaryAsync(s => s.Key[prefix.Length..], ct);
        return fields.Select(field =>
        {
            var previous = stored.TryGetValue(field.Key + PreviousSuffix, out var replaced) && replaced.UpdatedAt > DateTimeOffset.UtcNow - PreviousSecretLasts
                ? _protector.Unprotect(replaced.Value) : null;
            var configured = configuration[ConfigurationKey(marketplaceId, environment, field.Key)];
            if (!string.IsNullOrEmpty(configured)) return new CredentialValue(field, CredentialSource.Configuration, configured);
            if (stored.TryGetValue(field.Key, out var setting))
                return new CredentialValue(field, CredentialSource.Settings, setting.IsProtected ? _protector.Unprotect(setting.Value) : setting.Value, previous);
            if (sandbox?.GetValueOrDefault(field.Key) is { } value) return new CredentialValue(field, CredentialSource.Sandbox, value);
            return new CredentialValue(field, CredentialSource.Missing, null, previous);
        }).ToList();
    }

    /// <summary>
    /// Which required credentials are still unset, for many marketplaces and environments at once (the dashboard),
    /// in one query. The built-in sandbox registers every field itself, so it never misses one.
    /// </summary>
    public async Task<IReadOnlyDictionary<(string Marketplace, MarketplaceEnvironment Environment), IReadOnlyList<CredentialField>>> MissingAsync(
        IEnumerable<(string Marketplace, MarketplaceEnvironment Environment)> targets, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var stored = (await db.Settings.Where(s => s.Key.StartsWith("credential:")).Select(s => s.Key).ToListAsync(ct)).ToHashSet();
        return targets.ToDictionary(t => t, t => (IReadOnlyList<CredentialField>)(t.Environment == MarketplaceEnvironment.BuiltInSandbox
            ? []
            : catalog[t.Marketplace].Credentials.Where(f => !f.Optional
                && string.IsNullOrEmpty(configuration[ConfigurationKey(t.Marketplace, t.Environment, f.Key)])
                && !stored.Contains(SettingsPrefix(t.Marketplace, t.Environment) + f.Key)).ToList()));
    }

    public async Task<AppCredentials> GetAsync(string marketplaceId, MarketplaceEnvironment environment, CancellationToken ct = default)
    {
        var values = await ReadAsync(marketplaceId, environment, ct);
        var missing = values.Where(v => v.Value is null && !v.Field.Optional).Select(v => v.Field).ToList();
        if (missing.Count > 0) throw new MissingCredentialsException(marketplaceId, environment, missing);
        return new AppCredentials(values.Where(v => v.Value is not null).ToDictionary(v => v.Field.Key, v => v.Value!),
            values.Where(v => v.Previous is not null).ToDictionary(v => v.Field.Key, v => v.Previous!));
    }

    /// <summary>
    /// How long a secret replaced on the settings page still verifies what a marketplace signs: Shopify may keep signing
    /// with the old client secret for up to an hour after a rotation (shopify.md, webhooks and OAuth step 7).
    /// </summary>
    public static readonly TimeSpan PreviousSecretLasts = TimeSpan.FromHours(1);

    /// <summary>Where a replaced secret is kept, beside its field's setting (so one read gets both).</summary>
    private const string PreviousSuffix = ":previous";

    /// <summary>Saves what the owner typed on the settings page; secrets encrypted. An empty value removes it.</summary>
    public async Task SaveAsync(string marketplaceId, MarketplaceEnvironment environment, string key, string? value, CancellationToken ct = default)
    {
        var field = catalog[marketplaceId].Credentials.Single(f => f.Key == key);
        var settingKey = SettingsPrefix(marketplaceId, environment) + key;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var setting = await db.Settings.SingleOrDefaultAsync(s => s.Key == settingKey, ct);
        if (field.Secret && setting is { IsProtected: true } && _protector.Unprotect(setting.Value) != value?.Trim())
            await KeepPreviousAsync(db, settingKey + PreviousSuffix, setting.Value, ct);
        if (string.IsNullOrWhiteSpace(value))
        {
            if (setting is not null) db.Settings.Remove(setting);
        }
        else
        {
            var stored = field.Secret ? _protector.Protect(value.Trim()) : value.Trim();
            if (setting is null)
            {
                db.Settings.Add(new StoredSetting { Key = settingKey, Value = stored, IsProtected = field.Secret, UpdatedAt = DateTimeOffset.UtcNow });
            }
            else
            {
                setting.Value = stored;
                setting.IsProtected = field.Secret;
                setting.UpdatedAt = DateTimeOffset.UtcNow;
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Keeps a secret's replaced value (still encrypted) with the time it was replaced.</summary>
    private static async Task KeepPreviousAsync(AppDbContext db, string key, string ciphertext, CancellationToken ct)
    {
        var previous = await db.Settings.SingleOrDefaultAsync(s => s.Key == key, ct);
        if (previous is null) db.Settings.Add(previous = new StoredSetting { Key = key, Value = ciphertext, IsProtected = true });
        (previous.Value, previous.UpdatedAt) = (ciphertext, DateTimeOffset.UtcNow);
    }

    private static string SettingsPrefix(string marketplaceId, MarketplaceEnvironment environment) => $"credential:{marketplaceId}:{environment}:";
}

/// <summary>A marketplace cannot be connected in an environment until these app credentials are set.</summary>
public sealed class MissingCredentialsException(string marketplaceId, MarketplaceEnvironment environment, IReadOnlyList<CredentialField> missing)
    : Exception($"Missing app credentials for {marketplaceId} ({environment}): " +
                string.Join(", ", missing.Select(f => $"{f.Label} ({AppCredentialStore.ConfigurationKey(marketplaceId, environment, f.Key)})")))
{
    public IReadOnlyList<CredentialField> Missing { get; } = missing;
}
