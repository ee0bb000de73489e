using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Diagnostics;

namespace Marketplaces.PrestaShop.Sandbox;

/// <summary>
/// The webservice's two output formats (prestashop.md §2): XML by default, JSON when the Output-Format/Io-Format
/// header or the output_format/io_format query parameter says JSON (headers win).
/// </summary>
public sealed class PrestaShopOutput
{
    public static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    private PrestaShopOutput(bool json) => Json = json;

    public bool Json { get; }

    public static PrestaShopOutput For(HttpRequest request)
    {
        string? Header(string name) => request.Headers[name].FirstOrDefault(v => !string.IsNullOrEmpty(v));
        string? Query(string name) => request.Query[name].FirstOrDefault(v => !string.IsNullOrEmpty(v));
        var format = Header("Output-Format") ?? Header("Io-Format") ?? Query("output_format") ?? Query("io_format");
        return new PrestaShopOutput(string.Equals(format, "JSON", StringComparison.OrdinalIgnoreCase));
    }

    public IResult Errors(int status, params (int Code, string Message)[] errors) => Json
        ? Results.Json(new { errors = errors.Select(e => new { code = e.Code, message = e.Message }) }, statusCode: status)
        : Xml(new XElement("errors", errors.Select(e =>
            new XElement("error", new XElement("code", new XCData(e.Code.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                new XElement("message", new XCData(e.Message))))), status);

    /// <summary>A document of the requested format: <paramref name="json"/> as is, or the XML content inside &lt;prestashop&gt;.</summary>
    public IResult Document(object json, Func<object> xml, int status = StatusCodes.Status200OK) =>
        Json ? Results.Json(json, JsonOptions, statusCode: status) : Xml(xml(), status);

    /// <summary>A missing id is a 404 with an empty body; the app's own not-found page must not replace it.</summary>
    public static IResult EmptyNotFound(HttpContext context)
    {
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        return Results.StatusCode(StatusCodes.Status404NotFound);
    }

    public static IResult Xml(object content, int status = StatusCodes.Status200OK)
    {
        var root = new XElement("prestashop", new XAttribute(XNamespace.Xmlns + "xlink", XLink), content);
        return Results.Content($"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{root}", "text/xml; charset=utf-8", statusCode: status);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = null };
}
