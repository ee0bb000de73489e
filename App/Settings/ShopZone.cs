using System.Globalization;
using NodaTime;
using NodaTime.TimeZones;

namespace Marketplaces.Settings;

/// <summary>
/// The shop's time zone (an IANA id, from the tz database NodaTime carries) and how dates are shown in it: always with
/// the zone named, by its abbreviation where the database has one ("2026-12-04 10:30 CET"), else by its offset.
/// Days (the dashboard's today, the list's date filter) are the shop's days.
/// </summary>
public sealed class ShopZone
{
    public static readonly ShopZone Utc = new(DateTimeZone.Utc);

    private readonly DateTimeZone _zone;

    private ShopZone(DateTimeZone zone) => _zone = zone;

    public string Id => _zone.Id;

    /// <summary>Every zone the seller can choose, by IANA id, sorted.</summary>
    public static IReadOnlyList<string> Ids { get; } = TzdbDateTimeZoneSource.Default.ZoneLocations is { } locations
        ? locations.Select(l => l.ZoneId).Append(DateTimeZone.Utc.Id).Distinct().Order(StringComparer.Ordinal).ToList()
        : [DateTimeZone.Utc.Id];

    /// <summary>The zone <paramref name="id"/> names, or null when the tz database has no such zone.</summary>
    public static ShopZone? Find(string? id) =>
        id is { Length: > 0 } && DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is { } zone ? new ShopZone(zone) : null;

    /// <summary>"2026-12-04 10:30 CET".</summary>
    public string Format(DateTimeOffset at) => Format(at, "yyyy-MM-dd HH:mm");

    /// <summary>"2026-12-04 10:30:15 CET".</summary>
    public string FormatSeconds(DateTimeOffset at) => Format(at, "yyyy-MM-dd HH:mm:ss");

    /// <summary>The shop's date of an instant, without the zone (beside a column or page that names it).</summary>
    public string Date(DateTimeOffset at) => Local(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string Time(DateTimeOffset at) => Local(at).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The zone's name at that instant: "CET" in winter, "CEST" in summer; "UTC+03" where it has no letters.</summary>
    public string NameAt(DateTimeOffset at)
    {
        var interval = _zone.GetZoneInterval(Instant.FromDateTimeOffset(at));
        return interval.Name.Any(char.IsLetter) ? interval.Name : $"UTC{interval.WallOffset}";
    }

    public DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(Local(at));

    /// <summary>When the shop's day <paramref name="day"/> begins (midnight there, or the first instant after a gap).</summary>
    public DateTimeOffset StartOf(DateOnly day) =>
        _zone.AtStartOfDay(new LocalDate(day.Year, day.Month, day.Day)).ToDateTimeOffset();

    private DateTime Local(DateTimeOffset at) => Instant.FromDateTimeOffset(at).InZone(_zone).LocalDateTime.ToDateTimeUnspecified();

    private string Format(DateTimeOffset at, string pattern) =>
        $"{Local(at).ToString(pattern, CultureInfo.InvariantCulture)} {NameAt(at)}";
}
