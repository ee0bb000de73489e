namespace Marketplaces.Orders.Shipping;

/// <summary>What the seller entered to mark an order shipped. No lines means everything not yet shipped.</summary>
public sealed record ShipmentInput(string Carrier, string TrackingNumber, DateOnly ShipDate, IReadOnlyList<ShipmentLine> Lines)
{
    public const int MaxTrackingLength = 64;

    /// <summary>What is wrong with the input itself, before the order is looked at.</summary>
    public IEnumerable<string> Problems(DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(Carrier)) yield return "Enter the carrier.";
        if (string.IsNullOrWhiteSpace(TrackingNumber)) yield return "Enter the tracking number.";
        else if (TrackingNumber.Trim().Length > MaxTrackingLength || !TrackingNumber.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or ' '))
            yield return $"The tracking number takes letters, digits, spaces and dashes, at most {MaxTrackingLength}.";
        if (ShipDate > today.AddDays(1)) yield return "The ship date cannot be in the future.";
        if (Lines.Any(l => l.Quantity < 1)) yield return "Each shipped line needs a quantity of at least 1.";
    }
}

/// <summary>How marking shipped ended, as the order page shows it.</summary>
/// <param name="State">Null when nothing was pushed (invalid input, order not found, nothing left to ship).</param>
public sealed record ShipmentOutcome(ShipmentState? State, string Message, Guid? ShipmentId = null)
{
    public bool Succeeded => State == ShipmentState.Pushed;

    public static ShipmentOutcome Refused(string message) => new(null, message);
}
