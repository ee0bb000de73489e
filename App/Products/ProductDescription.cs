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
