using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Marketplaces.Sandbox;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplaces.Tests.Infrastructure;

/// <summary>
/// Answers an emulator's consent page the way a browser does: the form's own fields, the pressed button and the
/// sandbox account typed in; then reads the redirect the emulator answers with.
/// </summary>
public static class SandboxConsentPage
{
    /// <summary>Opens the consent page and answers it.</summary>
    public static async Task<HttpResponseMessage> DecideAsync(HttpClient client, string consentUrl, string decision, string? account = null)
    {
        var page = await client.GetAsync(consentUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await SubmitAsync(client, page, decision, account);
    }

    /// <summary>Answers a consent page already opened.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, HttpResponseMessage page, string decision, string? account = null)
    {
        var html = await page.Content.ReadAsStringAsync();
        var form = new HtmlParser().ParseDocument(html).QuerySelector("form") as IHtmlFormElement
            ?? throw new InvalidOperationException($"The consent page has no form: {html}");
        Assert.Equal(["Approve", "Deny"], form.QuerySelectorAll("button").Select(b => b.TextContent));
        var fields = form.QuerySelectorAll("input").OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name)).ToDictionary(i => i.Name!, i => i.Value);
        if (account is not null) fields[ConsentPage.AccountField] = account;
        fields["decision"] = decision;
        var pageUrl = page.RequestMessage!.RequestUri!;
        return await client.PostAsync(new Uri(pageUrl, form.GetAttribute("action") ?? pageUrl.AbsolutePath), new FormUrlEncodedContent(fields));
    }

    /// <summary>The query parameters of a redirect's Location.</summary>
    public static Dictionary<string, string> RedirectParameters(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return QueryHelpers.ParseQuery(response.Headers.Location!.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    /// <summary>Where a redirect goes, without its query.</summary>
    public static string RedirectTarget(HttpResponseMessage response) => response.Headers.Location!.GetLeftPart(UriPartial.Path);
}
