using Marketplaces.Orders.Bulk;

namespace Marketplaces.Tests.Orders;

public sealed class ShipmentCsvTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    [Fact]
    public void Rows_are_read_with_or_without_a_header_and_the_date_defaults_to_today()
    {
        var rows = ShipmentCsv.Parse("order,carrier,tracking,ship date\r\n12-345,UPS,1Z999,2026-11-20\r\n#1002,USPS,9400 1000\r\n", Today);

        Assert.Equal(
            [new ShipmentCsvRow(2, "12-345", "UPS", "1Z999", new DateOnly(2026, 11, 20), null), new ShipmentCsvRow(3, "#1002", "USPS", "9400 1000", Today, null)],
            rows);
        Assert.Single(ShipmentCsv.Parse("12-345,UPS,1Z999", Today));
    }

    [Fact]
    public void Quoted_fields_may_hold_the_separator_and_semicolon_files_are_understood()
    {
        var rows = ShipmentCsv.Parse("\"A,1\";\"Royal \"\"Mail\"\"\";RM123\nB-2;DHL;JD01", Today);

        Assert.Equal(("A,1", "Royal \"Mail\"", "RM123"), (rows[0].OrderNumber, rows[0].Carrier, rows[0].TrackingNumber));
        Assert.Equal(("B-2", "DHL", "JD01"), (rows[1].OrderNumber, rows[1].Carrier, rows[1].TrackingNumber));
    }

    [Fact]
    public void Each_bad_row_says_what_is_wrong_and_the_good_rows_stay_usable()
    {
        var rows = ShipmentCsv.Parse("1001,UPS,1Z1\n1002,,1Z2\n1003,UPS,\n,UPS,1Z4\n1005,UPS,1Z5,21/11/2026\n1006,UPS,1Z6,2026-11-21,extra", Today);

        Assert.Equal(
            [null, "The carrier is missing.", "The tracking number is missing.", "The order number is missing.",
             "'21/11/2026' is not a date like 2026-11-21.", "Expected at most 4 columns: order number, carrier, tracking number, ship date."],
            rows.Select(r => r.Problem));
        Assert.Equal([1, 2, 3, 4, 5, 6], rows.Select(r => r.Line));
    }
}
