using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Marketplaces.Tests.Etsy;

/// <summary>
/// Answers an emulator's consent page the way a browser would: its hidden fields, the sandbox account and the pressed
/// button. (Used by the TikTok tests too; it belongs in Infrastructure once the lead takes it.)
/// </summary>
public static class SandboxConsentForm
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, HttpResponseMessage consentPage, string decision, string account)
    {
        var document = new HtmlParser().ParseDocument(await consentPage.Content.ReadAsStringAsync());
        var form = document.QuerySelector("form") as IHtmlFormElement ?? throw new InvalidOperationException("The consent page has no form");
        var buttons = form.QuerySelectorAll("button").Select(b => b.TextContent).ToList();
        Assert.Equal(["Approve", "Deny"], buttons);
        var fields = form.QuerySelectorAll("input").OfType<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
        fields["sandbox_account"] = account;
        fields["decision"] = decision;
        return await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }
}
