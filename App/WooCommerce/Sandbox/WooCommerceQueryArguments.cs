using System.Globalization;

namespace Marketplaces.WooCommerce.Sandbox;

/// <summary>
/// Collection query arguments as WordPress validates them against a route's schema (the last of a repeated parameter
/// counts, as PHP reads it): each refusal is recorded under its name for <c>rest_invalid_param</c>.
/// </summary>
internal static class WooCommerceQueryArguments
{
    public static int Integer(IQueryCollection query, string name, int fallback, int? min, int? max, Dictionary<string, (string, string)> invalid)
    {
        if (!query.TryGetValue(name, out var raw)) return fallback;
        // rest_is_integer: any numeric string (PHP's is_numeric: spaces around, a fraction, an exponent) with a whole value.
        if (!double.TryParse(raw.Last(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number != Math.Floor(number)
            || number is < int.MinValue or > int.MaxValue)
            invalid[name] = ("rest_invalid_type", $"{name} is not of type integer.");
        else if (min is { } low && max is { } high && (number < low || number > high))
            invalid[name] = ("rest_out_of_bounds", $"{name} must be between {low} (inclusive) and {high} (inclusive)");
        else if (min is { } least && number < least)
            invalid[name] = ("rest_out_of_bounds", $"{name} must be greater than or equal to {least}");
        else return (int)number;
        return fallback;
    }

    public static string Enum(IQueryCollection query, string name, string fallback, string[] allowed, Dictionary<string, (string, string)> invalid)
    {
        if (!query.TryGetValue(name, out var raw)) return fallback;
        if (allowed.Contains(raw.Last())) return raw.Last()!;
        invalid[name] = ("rest_not_in_enum", $"{name} is not one of {WooCommerceErrors.List(allowed)}.");
        return fallback;
    }

    public static bool Boolean(IQueryCollection query, string name, Dictionary<string, (string, string)> invalid)
    {
        if (!query.TryGetValue(name, out var raw)) return false;
        switch (raw.Last()!.ToLowerInvariant())
        {
            case "true" or "1": return true;
            case "false" or "0" or "": return false;
            default:
                invalid[name] = ("rest_invalid_type", $"{name} is not of type boolean.");
                return false;
        }
    }
}
