using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Marketplaces.Sandbox;

namespace Marketplaces.Tests.Ebay;

/// <summary>
/// Submits an emulator's consent page the way a browser does: the form's own fields, the chosen button and the
/// sandbox account typed in. Used by the Amazon tests too; it belongs in Infrastructure once shared.
/// </summary>
public static class ConsentForm
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string consentUrl, string decision, string? account = null)
    {
        var page = await client.GetAsync(consentUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        var form = Assert.IsAssignableFrom<IHtmlFormElement>(document.QuerySelector("form"));
        var fields = form.QuerySelectorAll("input").OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name)).ToDictionary(i => i.Name!, i => i.Value);
        if (account is not null) fields[ConsentPage.AccountField] = account;
        fields["decision"] = decision;
        var action = new Uri(new Uri(consentUrl), form.GetAttribute("action"));
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>The query parameters of a redirect's Location.</summary>
    public static IReadOnlyDictionary<string, string> RedirectParameters(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(response.Headers.Location!.Query)
            .ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    /// <summary>Where a redirect goes, without its query.</summary>
    public static string RedirectTarget(HttpResponseMessage response) => response.Headers.Location!.GetLeftPart(UriPartial.Path);
}
