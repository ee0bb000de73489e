using System.Globalization;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.RateLimits;

namespace Marketplaces.AliExpress.Dropship;

/// <summary>
/// A business-interface call on <c>/sync</c> (aliexpress.md §3-§4): a form post of app_key, the buyer's token as
/// <c>session</c>, <c>method</c>, sign_method, timestamp in epoch milliseconds and the API's parameters (empty ones not
/// sent), signed without a prefix; counted against the API's app-wide QPS. Answers are read through three layers:
/// <c>error_response</c>, then the <c>{api}_response</c> wrapper, whose content is returned.
/// </summary>
public static class IopSync
{
    public static async Task<JsonElement> CallAsync(ConnectionApi api, string method, IEnumerable<KeyValuePair<string, string?>> parameters, CancellationToken ct)
    {
        var business = parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => KeyValuePair.Create(p.Key, p.Value!)).ToList();
        using var response = await api.SendAsync(session => Request(api.Target, method, session, business), ct);
        using var json = await MarketplaceHttp.TryReadJsonAsync(response, ct);
        if (json is null || !response.IsSuccessStatusCode) throw MarketplaceHttp.Failure(response, json, api.Target.Marketplace.Name);
        if (IopFailure.FromSyncBody(json.RootElement, (int)response.StatusCode) is { } failure) throw failure;
        return Wrapper(json.RootElement, method).Clone();
    }

    private static HttpRequestMessage Request(MarketplaceTarget target, string method, string session, IReadOnlyList<KeyValuePair<string, string>> business)
    {
        var parameters = new Dictionary<string, string>(business, StringComparer.Ordinal)
        {
            ["app_key"] = target.Credentials["appKey"],
            ["session"] = session,
            ["method"] = method,
            ["sign_method"] = IopSigner.SignMethod,
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        };
        parameters[IopSigner.SignParameter] = IopSigner.Sign(target.Credentials["appSecret"], apiPath: null, parameters);
        var request = new HttpRequestMessage(HttpMethod.Post, target.Endpoints.ApiBaseUrl + "/sync") { Content = new FormUrlEncodedContent(parameters) };
        return new RateLimitKey(target.Marketplace.Id, RateLimitKey.Application, method).Set(request);
    }

    /// <summary>
    /// <c>{api with dots as underscores}_response</c>; the sheet notes a doc example without the suffix, so a body whose
    /// one member is neither is read as that member.
    /// </summary>
    private static JsonElement Wrapper(JsonElement root, string method)
    {
        var name = method.Replace('.', '_');
        if (root.ValueKind == JsonValueKind.Object)
        {
            if (root.TryGetProperty(name + "_response", out var wrapped) || root.TryGetProperty(name, out wrapped)) return wrapped;
            var members = root.EnumerateObject().ToList();
            if (members is [{ Value.ValueKind: JsonValueKind.Object } only]) return only.Value;
        }
        throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"AliExpress's answer to {method} has no {name}_response");
    }
}
