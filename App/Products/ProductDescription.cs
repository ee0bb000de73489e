using Ganss.Xss;

namespace Marketplaces.Products;

/// <summary>
/// Descriptions are HTML that goes to marketplaces and into the editor's preview: kept to the formatting every
/// marketplace renders (paragraphs, line breaks, emphasis, lists, headings, tables, links), everything else (scripts,
/// styles, event handlers, frames, forms, images from elsewhere) removed by HtmlSanitizer.
/// </summary>
public static class ProductDescription
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Sanitize(string? html) => string.IsNullOrWhiteSpace(html) ? "" : Sanitizer.Sanitize(html).Trim();

    /// <summary>
    /// The description as text, for marketplaces that show no HTML (Etsy): a line per paragraph, heading, list item or
    /// line break, list items bulleted, entities decoded (AngleSharp, which HtmlSanitizer parses with).
    /// </summary>
    public static string PlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html)) return "";
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{html}</body>");
        foreach (var item in document.QuerySelectorAll("li")) item.Prepend(document.CreateTextNode("• "));
        foreach (var block in document.QuerySelectorAll("p, div, li, h2, h3, h4, h5, h6, blockquote, tr, br")) block.After(document.CreateTextNode("\n"));
        var lines = document.Body!.TextContent.Split('\n').Select(l => l.Trim());
        return System.Text.RegularExpressions.Regex.Replace(string.Join('\n', lines), "\n{3,}", "\n\n").Trim();
    }

    private static HtmlSanitizer Create()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "b", "strong", "i", "em", "u", "s", "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "a",
                "table", "thead", "tbody", "tr", "th", "td", "span", "div", "hr", "sub", "sup",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title", "colspan", "rowspan" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
        };
        return new HtmlSanitizer(options);
    }
}
