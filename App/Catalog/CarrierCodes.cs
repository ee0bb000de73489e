namespace Marketplaces.Catalog;

/// <summary>
/// How a marketplace names carriers (catalog <c>carriers</c>): its codes, other spellings sellers type for them, and
/// what a carrier it does not know is sent as. The seller types a carrier freely; each push sends the marketplace's name.
/// </summary>
public sealed class CarrierCodes
{
    public List<string> Codes { get; set; } = [];

    /// <summary>Other spellings, as letters and digits in lower case ("federalexpress"), to a code.</summary>
    public Dictionary<string, string> Aliases { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The code an unknown carrier goes as (Amazon <c>Other</c>, Etsy <c>other</c>); null: as the seller typed it.</summary>
    public string? Unknown { get; set; }

    /// <summary>The marketplace's code for a carrier typed in any spelling, case or punctuation.</summary>
    public CarrierCode For(string typed)
    {
        var key = Key(typed);
        var code = Codes.FirstOrDefault(c => Key(c) == key) ?? Aliases.GetValueOrDefault(key);
        return code is null ? new CarrierCode(Unknown ?? typed.Trim(), Known: false) : new CarrierCode(code, Known: true);
    }

    private static string Key(string name) => string.Concat(name.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}

/// <param name="Known">Whether the marketplace knows the carrier; otherwise <see cref="Code"/> is its stand-in or the typed name.</param>
public sealed record CarrierCode(string Code, bool Known);
