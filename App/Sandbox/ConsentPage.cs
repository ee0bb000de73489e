using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Marketplaces.Sandbox;

/// <summary>
/// The consent page every emulator shows: who asks for what, and Approve / Deny. The form posts back to the
/// emulator with the original request's parameters as hidden fields.
/// </summary>
public static partial class ConsentPage
{
    public const string AccountField = "sandbox_account";
    private const string AccountPatternText = "[a-z0-9-]{3,30}";

    /// <summary>Whether a name typed into <see cref="AccountField"/> is a sandbox account: what the field's pattern asks.</summary>
    public static bool IsValidAccount(string? name) => name is not null && AccountPattern().IsMatch(name);

    public static IResult Render(string marketplaceName, string defaultAccount, IEnumerable<string> scopes, string action,
        IReadOnlyDictionary<string, string> hidden)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(E(marketplaceName)).Append(" sandbox · Authorize</title>")
            .Append("<style>body{font-family:sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}")
            .Append(".badge{background:#ffe08a;padding:.1rem .5rem;border-radius:.3rem;font-size:.8rem}")
            .Append("button{font-size:1rem;padding:.5rem 1.5rem;margin-right:1rem}</style></head><body>")
            .Append("<p><span class=\"badge\">Sandbox</span> Local emulator of ").Append(E(marketplaceName)).Append("</p>")
            .Append("<h1>Authorize Marketplaces</h1>");
        var scopeList = scopes.Where(s => s.Length > 0).ToList();
        if (scopeList.Count > 0)
        {
            html.Append("<p>Marketplaces asks for:</p><ul>");
            foreach (var scope in scopeList) html.Append("<li>").Append(E(scope)).Append("</li>");
            html.Append("</ul>");
        }
        html.Append("<form method=\"post\" action=\"").Append(E(action)).Append("\">")
            .Append("<p><label>Sandbox account <input name=\"").Append(AccountField).Append("\" value=\"").Append(E(defaultAccount))
            .Append("\" pattern=\"").Append(AccountPatternText).Append("\"></label></p>");
        foreach (var (name, value) in hidden)
            html.Append("<input type=\"hidden\" name=\"").Append(E(name)).Append("\" value=\"").Append(E(value)).Append("\">");
        html.Append("<button type=\"submit\" name=\"decision\" value=\"approve\">Approve</button>")
            .Append("<button type=\"submit\" name=\"decision\" value=\"deny\" formnovalidate>Deny</button></form></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    /// <summary>An error page the way a marketplace shows a bad authorize request (no redirect to an unverified URI).</summary>
    public static IResult Error(string marketplaceName, string message) =>
        Results.Content(
            $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{E(marketplaceName)} sandbox · Error</title></head>" +
            $"<body><h1>{E(marketplaceName)}: the request cannot be authorized</h1><p class=\"sandbox-error\">{E(message)}</p></body></html>",
            "text/html; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);

    private static string E(string value) => WebUtility.HtmlEncode(value);

    [GeneratedRegex("^" + AccountPatternText + "$")]
    private static partial Regex AccountPattern();
}
