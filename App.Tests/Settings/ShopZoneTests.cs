using Marketplaces.Settings;

namespace Marketplaces.Tests.Settings;

public sealed class ShopZoneTests
{
    private static readonly DateTimeOffset Winter = new(2026, 12, 4, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Summer = new(2026, 7, 4, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Dates_are_shown_in_the_zone_with_its_name_for_the_season()
    {
        var berlin = ShopZone.Find("Europe/Berlin")!;

        Assert.Equal("2026-12-04 10:30 CET", berlin.Format(Winter));
        Assert.Equal("2026-07-04 11:30 CEST", berlin.Format(Summer));
        Assert.Equal("2026-12-04 10:30:00 CET", berlin.FormatSeconds(Winter));
        Assert.Equal(("2026-12-04", "10:30"), (berlin.Date(Winter), berlin.Time(Winter)));
        Assert.Equal("2026-12-04 09:30 UTC", ShopZone.Utc.Format(Winter));
    }

    [Fact]
    public void A_zone_without_an_abbreviation_is_named_by_its_offset()
    {
        Assert.Equal("2026-12-04 06:30 UTC-03", ShopZone.Find("America/Sao_Paulo")!.Format(Winter));
    }

    [Fact]
    public void The_shops_days_begin_at_its_midnight()
    {
        var tokyo = ShopZone.Find("Asia/Tokyo")!;

        Assert.Equal(new DateOnly(2026, 12, 5), tokyo.DayOf(new DateTimeOffset(2026, 12, 4, 15, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 15, 0, 0, TimeSpan.Zero), tokyo.StartOf(new DateOnly(2026, 12, 5)));
        // Spring forward at 02:00 in Europe/Berlin: the day still begins at its midnight, 23:00 UTC the day before.
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero), ShopZone.Find("Europe/Berlin")!.StartOf(new DateOnly(2026, 3, 29)));
    }

    [Fact]
    public void Only_zones_of_the_tz_database_are_found_and_offered()
    {
        Assert.Null(ShopZone.Find("Mars/Olympus_Mons"));
        Assert.Null(ShopZone.Find(""));
        Assert.Contains("Europe/Berlin", ShopZone.Ids);
        Assert.Contains("UTC", ShopZone.Ids);
    }
}
