using Marketplaces.Products;

namespace Marketplaces.Tests.Products;

public class ProductDescriptionTests
{
    [Fact]
    public void Formatting_and_links_stay_scripts_styles_handlers_and_script_links_go()
    {
        var html = ProductDescription.Sanitize(
            "<p onclick=\"steal()\">Soft <strong>cotton</strong></p><script>alert(1)</script><ul><li>Machine wash</li></ul>"
            + "<a href=\"javascript:alert(1)\">bad</a><a href=\"https://example.com/care\">care</a><style>body{}</style><img src=\"https://evil/x.png\" onerror=\"x()\">");
        Assert.Equal("<p>Soft <strong>cotton</strong></p><ul><li>Machine wash</li></ul><a>bad</a><a href=\"https://example.com/care\">care</a>", html);
    }

    [Fact]
    public void Blank_is_empty() => Assert.Equal("", ProductDescription.Sanitize("  "));

    [Fact]
    public void As_text_paragraphs_line_breaks_and_list_items_are_lines_and_entities_are_decoded() =>
        Assert.Equal("Soft cotton & linen\nMachine\nwash\n• 30\u00a0°C\n• Line dry",
            ProductDescription.PlainText("<p>Soft <b>cotton</b> &amp; linen</p><p>Machine<br>wash</p><ul><li>30&nbsp;°C</li><li>Line dry</li></ul>"));
}
