using System.Xml;
using System.Xml.Linq;

namespace Marketplaces.PrestaShop.Sandbox;

/// <summary>
/// A write's body as the webservice dispatcher reads it (prestashop.md §2, §3; webservice/dispatcher.php): the form
/// field <c>xml</c> when the request has one, otherwise the raw body (with a leading <c>xml=</c> dropped), whatever
/// its content type. PrestaShop's own PHP library posts the raw XML with curl's default form content type, and that
/// must work. The entity is the first element inside &lt;prestashop&gt;; anything unparsable, JSON included, is
/// error 127 with HTTP 500.
/// </summary>
public static class PrestaShopXmlInput
{
    public static async Task<(XElement? Entity, (int Status, int Code, string Message)? Error)> ReadAsync(HttpRequest request)
    {
        var ct = request.HttpContext.RequestAborted;
        request.EnableBuffering();
        var raw = await new StreamReader(request.Body, leaveOpen: true).ReadToEndAsync(ct);
        request.Body.Position = 0;
        var xml = request.HasFormContentType && (await request.ReadFormAsync(ct)).TryGetValue("xml", out var field) ? field.ToString()
            : raw.StartsWith("xml=", StringComparison.Ordinal) ? raw[4..] : raw;
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
