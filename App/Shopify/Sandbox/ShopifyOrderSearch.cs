using System.Globalization;
using System.Text.RegularExpressions;
using Marketplaces.Sandbox.Orders;

namespace Marketplaces.Shopify.Sandbox;

/// <summary>
/// The part of Shopify's search syntax the emulator filters orders by: <c>updated_at</c> and <c>created_at</c>
/// terms with <c>:</c>, <c>:&gt;</c>, <c>:&gt;=</c>, <c>:&lt;</c>, <c>:&lt;=</c> and a quoted or bare ISO 8601 time, joined by spaces or
/// <c>AND</c>. Shopify compares whole seconds. Where Shopify ignores a term it cannot use (with a search warning),
/// the emulator refuses it, so that a client's typo cannot pass as a filter.
/// </summary>
internal static partial class ShopifyOrderSearch
{
    public static Func<SandboxOrder, bool> Parse(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return _ => true;
        var terms = new List<Func<SandboxOrder, bool>>();
        var position = 0;
        while (position < query.Length)
        {
            var match = Term().Match(query, position);
            if (!match.Success || match.Index != position)
                throw new FormatException($"The sandbox cannot filter orders by \"{query[position..].Trim()}\": it understands updated_at and created_at terms such as updated_at:>='2026-01-01T00:00:00Z'");
            position += match.Length;
            if (!DateTimeOffset.TryParse(match.Groups["value"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                throw new FormatException($"\"{match.Groups["value"].Value}\" is not a time in {match.Value.Trim()}");
            var bound = Seconds(at);
            Func<SandboxOrder, DateTimeOffset> of = match.Groups["field"].Value == "updated_at" ? o => Seconds(o.ModifiedAt) : o => Seconds(o.CreatedAt);
            terms.Add(match.Groups["op"].Value switch
            {
                ">=" => o => of(o) >= bound,
                ">" => o => of(o) > bound,
                "<=" => o => of(o) <= bound,
                "<" => o => of(o) < bound,
                _ => o => of(o) == bound,
            });
        }
        return order => terms.All(term => term(order));
    }

    private static DateTimeOffset Seconds(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    [GeneratedRegex("""\s*(?:AND\s+)?(?<field>updated_at|created_at):(?<op>>=|<=|>|<|)(?:'(?<value>[^']*)'|"(?<value>[^"]*)"|(?<value>[^\s'"]+))\s*""")]
    private static partial Regex Term();
}
