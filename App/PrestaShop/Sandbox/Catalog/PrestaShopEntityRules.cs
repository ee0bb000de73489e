using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Marketplaces.PrestaShop.Sandbox.Catalog;

/// <summary>
/// What saveEntityFromXml and the class's field definitions accept for one resource (prestashop.md §3, §4): the
/// writable fields with their Validate:: rule, the required ones (41 when absent on a write that must name them; a
/// multilingual one must have the default language), and read-only ones (93). A PUT replaces, so fields it omits go
/// back to empty (§4.2); a PATCH changes only what it names. Validation failures are 85, worded as PrestaShop words them.
/// </summary>
public sealed partial class PrestaShopEntityRules(string className, IReadOnlyList<PrestaShopField> fields, IReadOnlyList<string> associations)
{
    public const int DefaultLanguage = 1;

    public IReadOnlyList<string> Associations => associations;

    public IReadOnlyList<PrestaShopField> Fields => fields;

    public (int Code, string Message)? Apply(XElement input, PrestaShopEntity entity, bool patch)
    {
        foreach (var element in input.Elements().Where(e => e.Name.LocalName is not ("id" or "associations")))
        {
            if (fields.FirstOrDefault(f => f.Name == element.Name.LocalName) is not { } field) continue;
            if (field.ReadOnly) return (93, $"parameter \"{field.Name}\" not writable. Please remove this attribute of this XML");
        }
        foreach (var field in fields.Where(f => !f.ReadOnly))
        {
            var element = input.Element(field.Name);
            if (element is null)
            {
                if (patch) continue;
                if (field.Required && !field.Translated) return (41, $"parameter \"{field.Name}\" required");
                if (field.Translated) entity.Translations.Remove(field.Name);
                else entity.Values[field.Name] = field.Default;
                continue;
            }
            if (field.Translated)
            {
                var texts = element.Elements("language").Where(l => int.TryParse((string?)l.Attribute("id"), out _))
                    .ToDictionary(l => int.Parse((string)l.Attribute("id")!, CultureInfo.InvariantCulture), l => l.Value);
                if (field.Required && string.IsNullOrWhiteSpace(texts.GetValueOrDefault(DefaultLanguage)))
                    return (85, $"Validation error: \"Property {className}->{field.Name} is empty for default language.\"");
                if (texts.Values.FirstOrDefault(t => t.Length > field.MaxLength || t.Length > 0 && !field.Valid(t)) is { } bad)
                    return (85, bad.Length > field.MaxLength
                        ? $"Validation error: \"Property {className}->{field.Name} length ({bad.Length}) must be lower than {field.MaxLength}\""
                        : $"Validation error: \"Property {className}->{field.Name} is not valid\"");
                entity.Translations[field.Name] = texts;
                continue;
            }
            var value = element.Value.Trim();
            if (field.Required && value.Length == 0) return (41, $"parameter \"{field.Name}\" required");
            if (value.Length > field.MaxLength) return (85, $"Validation error: \"Property {className}->{field.Name} length ({value.Length}) must be lower than {field.MaxLength}\"");
            if (value.Length > 0 && !field.Valid(value)) return (85, $"Validation error: \"Property {className}->{field.Name} is not valid\"");
            entity.Values[field.Name] = value;
        }
        if (input.Element("associations") is { } given)
        {
            foreach (var association in given.Elements().Where(a => associations.Contains(a.Name.LocalName)))
                entity.Associations[association.Name.LocalName] = association.Elements()
                    .Select(item => item.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value.Trim())).ToList();
        }
        return null;
    }

    public static PrestaShopField Field(string name, Func<string, bool>? valid = null, bool required = false, bool translated = false, int maxLength = 4000,
        string @default = "", bool readOnly = false) => new(name, valid ?? (_ => true), required, translated, maxLength, @default, readOnly);

    public static bool IsInt(string value) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _);
    public static bool IsBool(string value) => value is "0" or "1";
    public static bool IsPrice(string value) => Price().IsMatch(value);
    public static bool IsNegativePrice(string value) => NegativePrice().IsMatch(value);
    public static bool IsUnsignedFloat(string value) => decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && d >= 0;
    public static bool IsReference(string value) => !value.Any(c => c is '<' or '>' or ';' or '=' or '#' or '{' or '}');
    public static bool IsCatalogName(string value) => !value.Any(c => c is '<' or '>' or ';' or '=' or '#' or '{' or '}');
    public static bool IsLinkRewrite(string value) => LinkRewrite().IsMatch(value);
    public static bool IsEan13(string value) => value.Length <= 13 && value.All(char.IsAsciiDigit);
    public static bool IsUpc(string value) => value.Length <= 12 && value.All(char.IsAsciiDigit);
    public static Func<string, bool> OneOf(params string[] values) => values.Contains;

    /// <summary>Validate::isCleanHtml: no script, no event handlers, no iframes.</summary>
    public static bool IsCleanHtml(string value) => !DirtyHtml().IsMatch(value);

    [GeneratedRegex(@"^[0-9]{1,10}(\.[0-9]{1,9})?$")]
    private static partial Regex Price();

    [GeneratedRegex(@"^-?[0-9]{1,10}(\.[0-9]{1,9})?$")]
    private static partial Regex NegativePrice();

    [GeneratedRegex(@"^[_a-zA-Z0-9\-]+$")]
    private static partial Regex LinkRewrite();

    [GeneratedRegex(@"<\s*(script|iframe|form|embed|object)|\son\w+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex DirtyHtml();
}

public sealed record PrestaShopField(string Name, Func<string, bool> Valid, bool Required, bool Translated, int MaxLength, string Default, bool ReadOnly);
