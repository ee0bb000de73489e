using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplaces.Tests.AliExpress;

/// <summary>
/// Drives the shared sandbox consent page the way a browser would: opens the authorize URL, then submits the form
/// with the page's own fields, Approve or Deny, and the sandbox account typed in.
/// </summary>
public static class SandboxConsent
{
    public static async Task<HttpResponseMessage> DecideAsync(HttpClient client, string authorizeUrl, string decision, string? account = null)
    {
        var page = await client.GetAsync(authorizeUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync()).QuerySelector("form") as IHtmlFormElement
            ?? throw new InvalidOperationException("The consent page has no form");
        var fields = form.QuerySelectorAll("input").OfType<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
        fields["decision"] = decision;
        if (account is not null) fields["sandbox_account"] = account;
        return await client.PostAsync(new Uri(client.BaseAddress!, form.GetAttribute("action")), new FormUrlEncodedContent(fields));
    }

    /// <summary>The query parameters of a redirect's Location.</summary>
    public static Dictionary<string, string> RedirectParameters(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return QueryHelpers.ParseQuery(response.Headers.Location!.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    public static HttpClient Client(Uri serverAddress) => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = serverAddress };
}
