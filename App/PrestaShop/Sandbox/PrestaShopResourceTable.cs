using System.Xml.Linq;

namespace Marketplaces.PrestaShop.Sandbox;

/// <summary>
/// A webservice resource read from rows (prestashop.md §2 and §5): lists checked by <see cref="PrestaShopListQuery"/>
/// (without display only ids and links; an empty JSON list is <c>[]</c>, as PrestaShop has long answered), one row
/// by id (404 with an empty body when missing), XML or JSON. A failed read of the rows is a 500 without a body.
/// </summary>
public sealed class PrestaShopResourceTable(string plural, string singular, IReadOnlyList<string> fields, PrestaShopRowSource rows, PrestaShopSandboxShop shop)
{
    public string Plural => plural;

    public IResult List(HttpRequest request)
    {
        var output = PrestaShopOutput.For(request);
        if (PrestaShopListQuery.TryParse(request.Query, fields, out var query) is { } error) return output.Errors(400, error);
        if (rows(request.QueryString.Value ?? "") is not { } all) return Results.StatusCode(StatusCodes.Status500InternalServerError);
        return Render(output, query.Apply(all), query.Display, PrestaShopListQuery.Languages(request.Query));
    }

    public IResult Single(int id, HttpRequest request) => One(id, request, StatusCodes.Status200OK);

    /// <summary>A row as a write answers it: the whole row under the resource's singular name.</summary>
    public IResult Saved(int id, HttpRequest request, int status) => One(id, request, status);

    private IResult One(int id, HttpRequest request, int status)
    {
        var output = PrestaShopOutput.For(request);
        if (PrestaShopListQuery.TryParse(request.Query, fields, out var query) is { } error) return output.Errors(400, error);
        if (rows(null)?.FirstOrDefault(r => r.Id == id) is not { } row) return PrestaShopOutput.EmptyNotFound(request.HttpContext);
        // With display present the single row comes back as a one-element list under the plural name.
        var languages = PrestaShopListQuery.Languages(request.Query);
        if (query.Display is { } display) return Render(output, [row], display, languages);
        IReadOnlyList<string> all = ["id", .. fields];
        return output.Document(new Dictionary<string, object> { [singular] = Json(row, all, languages) }, () => Xml(row, all, languages), status);
    }

    private IResult Render(PrestaShopOutput output, IReadOnlyList<PrestaShopRow> selected, IReadOnlyList<string>? display, Func<int, bool> languages)
    {
        object json = selected.Count == 0 ? Array.Empty<object>()
            : new Dictionary<string, object> { [plural] = selected.Select(r => display is null ? new Dictionary<string, object> { ["id"] = r.Id } : Json(r, display, languages)) };
        return output.Document(json, () => new XElement(plural, selected.Select(r => display is null
            ? new XElement(singular, new XAttribute("id", r.Id), new XAttribute(PrestaShopOutput.XLink + "href", $"{shop.ApiUrl}/{plural}/{r.Id}"))
            : Xml(r, display, languages))));
    }

    /// <summary>
    /// JSON: id is a number, every other value a string; a multilingual field a string when one language is printed,
    /// else <c>[{"id":"1","value":…}]</c>; associations (full display only) hold strings throughout.
    /// </summary>
    private Dictionary<string, object> Json(PrestaShopRow row, IReadOnlyList<string> display, Func<int, bool> languages)
    {
        var json = display.ToDictionary(f => f, f => f == "id" ? (object)row.Id
            : row.Translations.TryGetValue(f, out var texts) ? Translated(texts, languages)
            : PrestaShopListQuery.Value(row, f));
        if (Full(display) && row.Associations.Count > 0)
            json["associations"] = row.Associations.ToDictionary(a => a.Name, a => (object)a.Rows);
        return json;
    }

    private static object Translated(IReadOnlyDictionary<int, string> texts, Func<int, bool> languages)
    {
        var shown = texts.Where(t => languages(t.Key)).OrderBy(t => t.Key).ToList();
        return shown.Count == 1 ? shown[0].Value : shown.Select(t => new Dictionary<string, string> { ["id"] = t.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), ["value"] = t.Value }).ToList();
    }

    private XElement Xml(PrestaShopRow row, IReadOnlyList<string> display, Func<int, bool> languages) => new(singular,
        display.Select(f => row.Translations.TryGetValue(f, out var texts)
            ? new XElement(f, texts.Where(t => languages(t.Key)).OrderBy(t => t.Key).Select(t => new XElement("language", new XAttribute("id", t.Key),
                new XAttribute(PrestaShopOutput.XLink + "href", $"{shop.ApiUrl}/languages/{t.Key}"), new XCData(t.Value))))
            : new XElement(f, new XCData(PrestaShopListQuery.Value(row, f)))),
        Full(display) && row.Associations.Count > 0
            ? new XElement("associations", row.Associations.Select(a => new XElement(a.Name,
                new XAttribute("nodeType", a.Item), new XAttribute("virtualEntity", "true"),
                a.Rows.Select(r => new XElement(a.Item, r.Select(v => new XElement(v.Key, new XCData(v.Value))))))))
            : null);

    private bool Full(IReadOnlyList<string> display) => display.Count == fields.Count + 1;
}
