using Marketplaces.Database;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Settings;

/// <summary>
/// The shop's time zone: what the owner chose on the Settings page, else <c>Shop:TimeZone</c> in appsettings.json,
/// else UTC. Read at most every 30 seconds per instance, so pages may ask for it on every render and another instance's
/// change arrives within that time.
/// </summary>
public sealed class ShopTimeZone(IDbContextFactory<AppDbContext> contexts, IConfiguration configuration, TimeProvider clock)
{
    public const string SettingKey = "shop:timeZone";
    public const string ConfigurationKey = "Shop:TimeZone";
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(30);

    private sealed record Cached(ShopZone Zone, DateTimeOffset ReadAt);

    private Cached? _cached;

    public async Task<ShopZone> CurrentAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (_cached is { } cached && now - cached.ReadAt < Fresh) return cached.Zone;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var stored = await db.Settings.Where(s => s.Key == SettingKey).Select(s => s.Value).SingleOrDefaultAsync(ct);
        var zone = ShopZone.Find(stored) ?? ShopZone.Find(configuration[ConfigurationKey]) ?? ShopZone.Utc;
        _cached = new Cached(zone, now);
        return zone;
    }

    /// <returns>False, and nothing saved, when the tz database has no zone <paramref name="id"/>.</returns>
    public async Task<bool> SaveAsync(string id, CancellationToken ct = default)
    {
        if (ShopZone.Find(id) is not { } zone) return false;
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var setting = await db.Settings.SingleOrDefaultAsync(s => s.Key == SettingKey, ct);
        if (setting is null) db.Settings.Add(new StoredSetting { Key = SettingKey, Value = zone.Id, UpdatedAt = now });
        else (setting.Value, setting.UpdatedAt) = (zone.Id, now);
        await db.SaveChangesAsync(ct);
        _cached = new Cached(zone, now);
        return true;
    }
}
