namespace Marketplaces.Orders;

/// <summary>A value in a marketplace's order that cannot be read as what it must be (an amount, a quantity).</summary>
public sealed class UnreadableValueException(string field, string? value, string expected)
    : Exception($"{field} is not {expected}: \"{StoredText.Clean(value, 40)}\"");
