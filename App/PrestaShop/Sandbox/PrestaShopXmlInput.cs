using System.Xml;
using System.Xml.Linq;

namespace Marketplaces.PrestaShop.Sandbox;

/// <summary>
/// A write's body as saveEntityFromXml reads it (prestashop.md §2, §3): XML only, raw or as the form field
/// <c>xml</c>; the entity is the first element inside &lt;prestashop&gt;. Anything unparsable, JSON included, is
/// error 127 with HTTP 500.
/// </summary>
public static class PrestaShopXmlInput
{
    public static async Task<(XElement? Entity, (int Status, int Code, string Message)? Error)> ReadAsync(HttpRequest request)
    {
        var xml = request.HasFormContentType
            ? (await request.ReadFormAsync(request.HttpContext.RequestAborted))["xml"].ToString()
            : await new StreamReader(request.Body).ReadToEndAsync(request.HttpContext.RequestAborted);
        try
        {
            var root = XDocument.Parse(xml).Root!;
            return (root.Elements().FirstOrDefault() ?? new XElement("empty"), null);
        }
        catch (XmlException e)
        {
            return (null, (StatusCodes.Status500InternalServerError, 127, $"XML error : {e.Message}\nXML length : {xml.Length}\nOriginal XML : {xml}"));
        }
    }

    /// <summary>A field's text, null when the element is absent (an empty element is "").</summary>
    public static string? Field(XElement entity, string name) => entity.Element(name)?.Value.Trim();
}
