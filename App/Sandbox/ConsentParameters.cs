using Microsoft.Extensions.Primitives;

namespace Marketplaces.Sandbox;

/// <summary>
/// The authorize parameters a consent page reads: from the query when it is shown, from the posted form (where
/// they came back as hidden fields) when the seller decides.
/// </summary>
public sealed class ConsentParameters
{
    private readonly Dictionary<string, string> _present;

    private ConsentParameters(Dictionary<string, string> present) => _present = present;

    /// <summary>Keeps only <paramref name="names"/>, and of those the ones the request carries (even empty).</summary>
    public static ConsentParameters Read(IEnumerable<KeyValuePair<string, StringValues>> source, IEnumerable<string> names)
    {
        var values = source.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new ConsentParameters(names.Where(values.ContainsKey).ToDictionary(name => name, name => values[name]));
    }

    /// <summary>The value, or "" when the request does not carry it.</summary>
    public string this[string name] => _present.GetValueOrDefault(name, "");

    /// <summary>The value, or null when the request does not carry it.</summary>
    public string? Find(string name) => _present.GetValueOrDefault(name);

    /// <summary>What the request carries, for the consent form's hidden fields.</summary>
    public IReadOnlyDictionary<string, string> Present => _present;
}
