using System.Globalization;

namespace Marketplaces.Orders;

/// <summary>Amounts always with their currency code, never a bare number that could be mistaken for another currency.</summary>
public static class OrderMoney
{
    public static string Format(decimal amount, string currency) =>
        $"{amount.ToString("N2", CultureInfo.InvariantCulture)} {(string.IsNullOrEmpty(currency) ? "(no currency)" : currency)}";
}
