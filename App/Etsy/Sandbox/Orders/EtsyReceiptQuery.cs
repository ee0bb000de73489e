using System.Globalization;
using Marketplaces.Sandbox.Orders;

namespace Marketplaces.Etsy.Sandbox.Orders;

/// <summary>
/// getShopReceipts' query parameters as the spec types them: times are integers of at least 946684800 (2000-01-01),
/// <c>limit</c> 1..100 (25), <c>offset</c> ≥ 0, <c>sort_on</c> and <c>sort_order</c> from their enums, the <c>was_*</c>
/// filters booleans. Parameters the spec does not list are ignored. The error wording is the emulator's own (no
/// Etsy validation message is documented).
/// </summary>
internal sealed record EtsyReceiptQuery(
    long? MinCreated, long? MaxCreated, long? MinLastModified, long? MaxLastModified, int Limit, int Offset, string SortOn, bool Descending,
    bool? WasPaid, bool? WasShipped, bool? WasDelivered, bool? WasCanceled)
{
    private const long EarliestTimestamp = 946_684_800;
    private static readonly string[] SortOns = ["created", "updated", "receipt_id"];
    private static readonly string[] SortOrders = ["asc", "ascending", "desc", "descending", "up", "down"];

    public static (EtsyReceiptQuery? Query, string? Error) Parse(IQueryCollection query)
    {
        var errors = new List<string>();
        long? Time(string name)
        {
            if (!query.TryGetValue(name, out var raw)) return null;
            if (long.TryParse(raw.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= EarliestTimestamp) return value;
            errors.Add($"{name} must be a Unix timestamp of at least {EarliestTimestamp}.");
            return null;
        }
        int Integer(string name, int fallback, int min, int max)
        {
            if (!query.TryGetValue(name, out var raw)) return fallback;
            if (int.TryParse(raw.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
            errors.Add(max == int.MaxValue ? $"{name} must be an integer of at least {min}." : $"{name} must be an integer from {min} to {max}.");
            return fallback;
        }
        bool? Flag(string name)
        {
            if (!query.TryGetValue(name, out var raw)) return null;
            if (raw.ToString() is "true" or "false") return raw.ToString() == "true";
            errors.Add($"{name} must be true or false.");
            return null;
        }
        string Choice(string name, string[] allowed, string fallback)
        {
            if (!query.TryGetValue(name, out var raw)) return fallback;
            if (allowed.Contains(raw.ToString(), StringComparer.Ordinal)) return raw.ToString();
            errors.Add($"{name} must be one of: {string.Join(", ", allowed)}.");
            return fallback;
        }

        var parsed = new EtsyReceiptQuery(
            Time("min_created"), Time("max_created"), Time("min_last_modified"), Time("max_last_modified"),
            Integer("limit", 25, 1, 100), Integer("offset", 0, 0, int.MaxValue),
            Choice("sort_on", SortOns, "created"), Choice("sort_order", SortOrders, "desc") is "desc" or "descending" or "down",
            Flag("was_paid"), Flag("was_shipped"), Flag("was_delivered"), Flag("was_canceled"));
        Flag("legacy");
        return errors.Count == 0 ? (parsed, null) : (null, errors[0]);
    }

    public bool Matches(SandboxOrder order)
    {
        var (created, updated) = (EtsyReceiptJson.Seconds(order.CreatedAt), EtsyReceiptJson.Seconds(order.ModifiedAt));
        var shipped = order.Status is SandboxOrderStatus.Shipped or SandboxOrderStatus.PartiallyShipped;
        return created >= (MinCreated ?? long.MinValue) && created <= (MaxCreated ?? long.MaxValue)
            && updated >= (MinLastModified ?? long.MinValue) && updated <= (MaxLastModified ?? long.MaxValue)
            && (WasPaid is null or true)
            && (WasShipped is null || WasShipped == shipped)
            && (WasDelivered is null or false)
            && (WasCanceled is null || WasCanceled == (order.Status == SandboxOrderStatus.Cancelled));
    }

    /// <summary>Sorted on the chosen key, ties broken by receipt id, so that pages do not overlap.</summary>
    public IEnumerable<SandboxOrder> Sort(IEnumerable<SandboxOrder> orders)
    {
        Func<SandboxOrder, long> key = SortOn switch
        {
            "updated" => o => EtsyReceiptJson.Seconds(o.ModifiedAt),
            "receipt_id" => Id,
            _ => o => EtsyReceiptJson.Seconds(o.CreatedAt),
        };
        return Descending ? orders.OrderByDescending(key).ThenByDescending(Id) : orders.OrderBy(key).ThenBy(Id);
    }

    private static long Id(SandboxOrder order) => long.Parse(order.Id, CultureInfo.InvariantCulture);
}
