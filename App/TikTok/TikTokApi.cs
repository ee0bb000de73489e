using System.Net.Http.Headers;
using System.Text.Json;
using Marketplaces.Connections;

namespace Marketplaces.TikTok;

/// <summary>
/// Calls to TikTok's v2 API (open.tiktokapis.com): bearer token, and every answer in the envelope
/// <c>{"data":{…},"error":{"code","message","log_id"}}</c> whose <c>error.code</c> is <c>ok</c> only on success.
/// </summary>
public static class TikTokApi
{
    /// <param name="pathAndQuery">From the API root, e.g. <c>/v2/user/info/?fields=open_id</c>.</param>
    /// <returns>The response; its <c>data</c> is the caller's.</returns>
    public static async Task<JsonDocument> GetAsync(HttpClient client, MarketplaceTarget target, string accessToken, string pathAndQuery, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, target.Endpoints.ApiBaseUrl + pathAndQuery);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await MarketplaceHttp.SendAsync(client, request, target.Marketplace.Name, ct);
        return await ReadAsync(response, target.Marketplace.Name, ct);
    }

    /// <summary>
    /// A JSON POST through a connection (its token renewed when TikTok refuses it), e.g. <c>/v2/post/publish/status/fetch/</c>,
    /// spending the token's allowance of <paramref name="limitGroup"/> (the catalog's per-minute windows).
    /// </summary>
    public static async Task<JsonDocument> PostAsync(ConnectionApi api, string path, object? body, string limitGroup, CancellationToken ct)
    {
        using var response = await api.SendAsync(token =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, api.Target.Endpoints.ApiBaseUrl + path)
            {
                Content = body is null ? null : System.Net.Http.Json.JsonContent.Create(body, body.GetType(), MediaTypeHeaderValue.Parse("application/json; charset=UTF-8")),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return new RateLimits.RateLimitKey(api.Target.Marketplace.Id, api.Connection.AccountId, limitGroup).Set(request);
        }, ct);
        return await ReadAsync(response, api.Target.Marketplace.Name, ct);
    }

    private static async Task<JsonDocument> ReadAsync(HttpResponseMessage response, string marketplaceName, CancellationToken ct)
    {
        var json = await MarketplaceHttp.TryReadJsonAsync(response, ct) ?? throw MarketplaceHttp.Failure(response, null, marketplaceName);
        var code = json.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
            && error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        if (code == "ok" && response.IsSuccessStatusCode) return json;
        using (json)
        {
            var message = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) ? m.GetString() : null;
            throw Failure(response, code, message, marketplaceName);
        }
    }

    /// <summary>TikTok's v2 error codes (sheet §3) in the shared failure kinds.</summary>
    private static MarketplaceException Failure(HttpResponseMessage response, string? code, string? message, string marketplaceName)
    {
        var status = (int)response.StatusCode;
        var kind = code switch
        {
            "access_token_invalid" => MarketplaceErrorKind.ReauthorizationRequired,
            "rate_limit_exceeded" => MarketplaceErrorKind.RateLimited,
            "internal_error" => MarketplaceErrorKind.Transient,
            _ when status >= 500 => MarketplaceErrorKind.Transient,
            _ => MarketplaceErrorKind.Rejected,
        };
        var text = $"{marketplaceName} answered {status}" + (code is null ? "" : $": {code}") + (string.IsNullOrEmpty(message) ? "" : $" ({message})");
        return new MarketplaceException(kind, text, code, response.Headers.RetryAfter?.Delta, status);
    }
}
