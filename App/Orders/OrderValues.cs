using System.Globalization;

namespace Marketplaces.Orders;

/// <summary>
/// The parses every order mapping shares: a value that does not read as what it must be stops that order's mapping
/// (<see cref="UnreadableValueException"/>), so that it is kept as needing attention instead of stored as 0.
/// </summary>
public static class OrderValues
{
    public static decimal Amount(string? text, string field) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount
            : throw new UnreadableValueException(field, text, "an amount");

    public static int Quantity(int quantity, string field) =>
        quantity >= 0 ? quantity : throw new UnreadableValueException(field, quantity.ToString(CultureInfo.InvariantCulture), "a quantity");
}
