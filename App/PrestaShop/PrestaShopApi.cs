using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Marketplaces.Connections;

namespace Marketplaces.PrestaShop;

/// <summary>
/// A connection's webservice: reads in JSON (<c>output_format=JSON</c>), writes in XML because the webservice reads
/// no JSON input (prestashop.md §2), every call with the key as the Basic user; failures in PrestaShop's own words.
/// </summary>
public sealed class PrestaShopApi(ConnectionApi api)
{
    private const string Json = "output_format=JSON";

    /// <summary>The rows of a list read; an empty list may come back as <c>[]</c> instead of <c>{"orders":[]}</c> (§2).</summary>
    public async Task<IReadOnlyList<JsonElement>> ListAsync(string resource, string query, CancellationToken ct)
    {
        using var response = await api.SendWithKeysAsync(keys => Request(HttpMethod.Get, $"{resource}?{Json}&{query}", keys), ct);
        using var json = await MarketplaceHttp.ReadJsonAsync(response, PrestaShopError.From, ct);
        var root = json.RootElement;
        if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() == 0) return [];
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(resource, out var rows) && rows.ValueKind == JsonValueKind.Array)
            return rows.EnumerateArray().Select(r => r.Clone()).ToList();
        throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"PrestaShop answered the {resource} list without a \"{resource}\" array.");
    }

    /// <summary>Rows of <paramref name="resource"/> by id, all fields, in one call (<c>filter[id]=[1|2|3]</c>).</summary>
    public async Task<IReadOnlyDictionary<string, JsonElement>> ByIdAsync(string resource, IEnumerable<string> ids, CancellationToken ct)
    {
        var wanted = ids.Where(id => id is not ("" or "0")).Distinct().ToList();
        if (wanted.Count == 0) return new Dictionary<string, JsonElement>();
        var rows = await ListAsync(resource, PrestaShopQuery.Build(("display", "full"), ("filter[id]", PrestaShopQuery.AnyOf(wanted))), ct);
        return rows.ToDictionary(r => PrestaShopJson.Text(r, "id") ?? "", StringComparer.Ordinal);
    }

    /// <summary>Sends <c>&lt;prestashop&gt;&lt;entity&gt;…</c> (PUT to replace, POST to add); returns the entity saved, as answered.</summary>
    public async Task<JsonElement> WriteAsync(HttpMethod method, string pathAndQuery, XElement entity, CancellationToken ct)
    {
        // No formatting whitespace: the webservice would keep it inside the values (prestashop.md §4.1).
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + new XElement("prestashop", entity).ToString(SaveOptions.DisableFormatting);
        using var response = await api.SendWithKeysAsync(keys =>
        {
            var request = Request(method, $"{pathAndQuery}{(pathAndQuery.Contains('?', StringComparison.Ordinal) ? "&" : "?")}{Json}", keys);
            request.Content = new StringContent(xml, Encoding.UTF8, "text/xml");
            return request;
        }, ct);
        using var json = await MarketplaceHttp.ReadJsonAsync(response, PrestaShopError.From, ct);
        return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(entity.Name.LocalName, out var saved)
            ? saved.Clone()
            : throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"PrestaShop answered without the saved {entity.Name.LocalName}.");
    }

    /// <summary>One row by id, all its fields; null when the shop has no such row (404, prestashop.md §3).</summary>
    public async Task<JsonElement?> FindAsync(string resource, string singular, string id, CancellationToken ct)
    {
        using var response = await api.SendWithKeysAsync(keys => Request(HttpMethod.Get, $"{resource}/{Uri.EscapeDataString(id)}?{Json}", keys), ct);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        using var json = await MarketplaceHttp.ReadJsonAsync(response, PrestaShopError.From, ct);
        return json.RootElement.TryGetProperty(singular, out var row) ? row.Clone() : null;
    }

    /// <summary>Deletes a row, or an image (<c>images/products/{id}/{image}</c>); one already gone counts as deleted.</summary>
    public async Task DeleteAsync(string path, CancellationToken ct)
    {
        using var response = await api.SendWithKeysAsync(keys => Request(HttpMethod.Delete, $"{path}?{Json}", keys), ct);
        if (response.StatusCode != System.Net.HttpStatusCode.NotFound) await MarketplaceHttp.EnsureSuccessAsync(response, PrestaShopError.From, ct);
    }

    /// <summary>Uploads a product image (prestashop.md §4.4: multipart, the file in the field <c>image</c>; the answer is XML).</summary>
    public async Task UploadImageAsync(string productId, byte[] image, string fileName, string contentType, CancellationToken ct)
    {
        using var response = await api.SendWithKeysAsync(keys =>
        {
            var request = Request(HttpMethod.Post, $"images/products/{Uri.EscapeDataString(productId)}?{Json}", keys);
            var file = new ByteArrayContent(image);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            request.Content = new MultipartFormDataContent { { file, "image", fileName } };
            return request;
        }, ct);
        await MarketplaceHttp.EnsureSuccessAsync(response, PrestaShopError.From, ct);
    }

    /// <summary>The shop's configuration values by name (the first non-empty one where a multistore has several).</summary>
    public async Task<IReadOnlyDictionary<string, string>> ConfigurationAsync(IEnumerable<string> names, CancellationToken ct)
    {
        var rows = await ListAsync("configurations", PrestaShopQuery.Build(("display", "[name,value]"), ("filter[name]", PrestaShopQuery.AnyOf(names))), ct);
        return rows
            .Select(r => (Name: PrestaShopJson.Text(r, "name"), Value: PrestaShopJson.Text(r, "value")))
            .Where(r => r.Name is not null && !string.IsNullOrWhiteSpace(r.Value))
            .GroupBy(r => r.Name!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value!.Trim(), StringComparer.Ordinal);
    }

    private HttpRequestMessage Request(HttpMethod method, string pathAndQuery, IReadOnlyDictionary<string, string> keys)
    {
        var request = new HttpRequestMessage(method, $"{api.Target.Endpoints.ApiBaseUrl.TrimEnd('/')}/{pathAndQuery}");
        request.Headers.Authorization = PrestaShopAuthorization.Basic(keys[PrestaShopKeyConnector.WebserviceKey]);
        return request;
    }
}
