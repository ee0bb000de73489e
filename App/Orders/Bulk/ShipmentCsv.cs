using System.Globalization;
using System.Text;

namespace Marketplaces.Orders.Bulk;

/// <summary>
/// Reads the bulk-shipping CSV: order number, carrier, tracking number and an optional ship date (yyyy-MM-dd), comma or
/// semicolon separated, fields optionally in double quotes, a header row optional. Each row is parsed on its own, so
/// one bad row is reported and the others still go.
/// </summary>
public static class ShipmentCsv
{
    public const int MaxRows = 1000;

    public static IReadOnlyList<ShipmentCsvRow> Parse(string text, DateOnly today)
    {
        var rows = new List<ShipmentCsvRow>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var separator = lines.FirstOrDefault(l => l.Trim().Length > 0) is { } first && first.Count(c => c == ';') > first.Count(c => c == ',') ? ';' : ',';
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            var fields = Fields(lines[i], separator);
            if (rows.Count == 0 && IsHeader(fields)) continue;
            rows.Add(Row(i + 1, fields, today));
            if (rows.Count > MaxRows)
            {
                rows[^1] = new ShipmentCsvRow(i + 1, "", "", "", today, $"Only {MaxRows} rows are taken at once; split the file.");
                break;
            }
        }
        return rows;
    }

    private static bool IsHeader(IReadOnlyList<string> fields) =>
        fields.Count >= 3 && fields[2].Contains("tracking", StringComparison.OrdinalIgnoreCase);

    private static ShipmentCsvRow Row(int line, IReadOnlyList<string> fields, DateOnly today)
    {
        string Field(int i) => i < fields.Count ? fields[i].Trim() : "";
        var (order, carrier, tracking, date) = (Field(0), Field(1), Field(2), Field(3));
        string? problem = fields.Count > 4 ? "Expected at most 4 columns: order number, carrier, tracking number, ship date."
            : order.Length == 0 ? "The order number is missing."
            : carrier.Length == 0 ? "The carrier is missing."
            : tracking.Length == 0 ? "The tracking number is missing."
            : null;
        var shipDate = today;
        if (problem is null && date.Length > 0 && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out shipDate))
            problem = $"'{date}' is not a date like 2026-11-21.";
        return new ShipmentCsvRow(line, order, carrier, tracking, shipDate, problem);
    }

    private static List<string> Fields(string line, char separator)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') field.Append(line[++i]);
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}

/// <param name="Line">The row's line number in the file, for the report.</param>
/// <param name="Problem">Why the row cannot be used as written; null when it can.</param>
public sealed record ShipmentCsvRow(int Line, string OrderNumber, string Carrier, string TrackingNumber, DateOnly ShipDate, string? Problem);
