using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Marketplaces.Sandbox;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplaces.WooCommerce.Sandbox;

/// <summary>
/// /wc-auth/v1/authorize as class-wc-auth.php runs it (woocommerce.md §2.2): five mandatory parameters, an https
/// callback_url, a consent page; on approval a new key is POSTed as JSON to callback_url and kept only if that
/// answers exactly 200, then the browser goes to return_url with success=1 (success=0 on denial).
/// </summary>
public sealed class WooCommerceAuthorizeEndpoint(WooCommerceApiKeys keys, SandboxJournal journal, IHttpClientFactory http, TimeProvider clock)
{
    private const string DefaultAccount = "shop-manager";
    private static readonly TimeSpan CallbackTimeout = TimeSpan.FromSeconds(60);
    private static readonly string[] Mandatory = ["app_name", "user_id", "return_url", "callback_url", "scope"];

    private sealed record AuthorizeRequest(string AppName, string UserId, string ReturnUrl, string CallbackUrl, string Scope)
    {
        public Dictionary<string, string> Fields => new()
        {
            ["app_name"] = AppName, ["user_id"] = UserId, ["return_url"] = ReturnUrl, ["callback_url"] = CallbackUrl, ["scope"] = Scope,
        };
    }

    public IResult Show(HttpRequest request)
    {
        var (authorize, error) = Validate(name => request.Query[name]);
        if (authorize is null) return WooCommerceErrors.Die(error!);
        journal.Request(WooCommerceSandboxStore.Id, "authorize");
        return ConsentPage.Render("WooCommerce", DefaultAccount, Permissions(authorize), request.Path, authorize.Fields);
    }

    public async Task<IResult> DecideAsync(HttpRequest request, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var (authorize, error) = Validate(name => form[name]);
        if (authorize is null) return WooCommerceErrors.Die(error!);
        if (form["decision"] != "approve") return Results.Redirect(Return(authorize, success: false));

        var account = form[ConsentPage.AccountField].ToString() is { Length: > 0 } a ? a : DefaultAccount;
        var issued = await keys.CreateAsync(WooCommerceSandboxStore.SiteOf(request), account, authorize.Scope, $"{authorize.AppName} - API ({clock.GetUtcNow():yyyy-MM-dd HH:mm:ss})", ct);
        if (!await DeliverAsync(authorize, issued, ct))
        {
            await keys.DeleteAsync(issued.ConsumerKey, ct);
            return WooCommerceErrors.Die("An error occurred in the request and at the time were unable to send the consumer data");
        }
        return Results.Redirect(Return(authorize, success: true));
    }

    private static (AuthorizeRequest?, string?) Validate(Func<string, string?> read)
    {
        if (Mandatory.FirstOrDefault(name => string.IsNullOrEmpty(read(name))) is { } missing) return (null, $"Missing parameter {missing}");
        var scope = read("scope")!;
        if (scope is not ("read" or "write" or "read_write")) return (null, $"Invalid scope {scope}");
        var returnUrl = Formatted(read("return_url")!);
        var callbackUrl = Formatted(read("callback_url")!);
        foreach (var url in new[] { returnUrl, callbackUrl })
            if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Host.Length == 0) return (null, $"The {url} is not a valid URL");
        if (!callbackUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && !IsLoopback(new Uri(callbackUrl)))
            return (null, "The callback_url needs to be over SSL");
        return (new AuthorizeRequest(read("app_name")!, read("user_id")!, returnUrl, callbackUrl, scope), null);
    }

    /// <summary>
    /// Deviation from WooCommerce, which demands https: a plain-http callback on this machine is accepted so the
    /// built-in sandbox works on http://127.0.0.1 without a certificate.
    /// </summary>
    private static bool IsLoopback(Uri callback) =>
        callback.Scheme == Uri.UriSchemeHttp && (callback.Host is "127.0.0.1" or "[::1]" || callback.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase));

    /// <summary>WooCommerce prepends https:// to a URL without a scheme.</summary>
    private static string Formatted(string url) => url.Contains("://", StringComparison.Ordinal) ? url : "https://" + url;

    private async Task<bool> DeliverAsync(AuthorizeRequest authorize, WooCommerceApiKeys.Issued issued, CancellationToken ct)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["key_id"] = issued.KeyId, ["user_id"] = authorize.UserId, ["consumer_key"] = issued.ConsumerKey,
            ["consumer_secret"] = issued.ConsumerSecret, ["key_permissions"] = issued.Permissions,
        });
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CallbackTimeout);
        try
        {
            using var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json;charset=UTF-8");
            using var response = await http.CreateClient().PostAsync(authorize.CallbackUrl, content, timeout.Token);
            return response.StatusCode == System.Net.HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private static string Return(AuthorizeRequest authorize, bool success) =>
        QueryHelpers.AddQueryString(authorize.ReturnUrl, new Dictionary<string, string?> { ["success"] = success ? "1" : "0", ["user_id"] = authorize.UserId });

    private static IEnumerable<string> Permissions(AuthorizeRequest authorize)
    {
        yield return $"{authorize.AppName} would like to connect to {WooCommerceSandboxStore.Title}. This will give \"{authorize.AppName}\" {authorize.Scope.Replace('_', '/')} access:";
        var verb = authorize.Scope switch { "read" => "View", "write" => "Create", _ => "Create, read, update and delete" };
        foreach (var resource in new[] { "coupons", "customers", "orders and sales reports", "products", "webhooks" }) yield return $"{verb} {resource}";
    }
}
