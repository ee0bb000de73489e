using AngleSharp.Html.Dom;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Marketplaces.Tests.Infrastructure;

/// <summary>Submits a server-rendered form the way a browser would: its hidden fields (antiforgery, handler) plus ours.</summary>
public static class HtmlForms
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string page, string formName, IDictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(page);
        var document = new HtmlParser().ParseDocument(html);
        var form = document.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .FirstOrDefault(f => f.QuerySelector($"input[name=_handler][value={formName}]") is not null)
            ?? throw new InvalidOperationException($"Form {formName} not found on {page}");
        var values = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (key, value) in fields) values[key] = value;
        return await client.PostAsync(page, new FormUrlEncodedContent(values));
    }
}
