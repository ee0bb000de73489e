using System.Globalization;

namespace Marketplaces.PrestaShop;

/// <summary>
/// The webservice's datetimes: <c>YYYY-MM-DD HH:MM:SS</c> in the shop's own time zone (configuration PS_TIMEZONE),
/// without an offset (prestashop.md §5).
/// </summary>
public sealed class PrestaShopShopTime(TimeZoneInfo zone)
{
    public const string Format = "yyyy-MM-dd HH:mm:ss";

    /// <summary>PrestaShop's value for a date never set (invoice_date of an order without invoice).</summary>
    public const string Unset = "0000-00-00 00:00:00";

    public TimeZoneInfo Zone => zone;

    public static PrestaShopShopTime? For(string timeZoneId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? new PrestaShopShopTime(zone) : null;

    public string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>
    /// The instant a shop-local time stands for; null when unset or malformed. A time repeated when clocks go back
    /// is read as standard time, one skipped when they go forward with the offset from before the change.
    /// </summary>
    public DateTimeOffset? Utc(string? local)
    {
        if (local is null || local == Unset
            || !DateTime.TryParseExact(local, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return null;
        return new DateTimeOffset(time, zone.GetUtcOffset(time)).ToUniversalTime();
    }
}
