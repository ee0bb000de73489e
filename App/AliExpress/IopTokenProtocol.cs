using System.Globalization;
using System.Text.Json;
using Marketplaces.Catalog;
using Marketplaces.Connections;

namespace Marketplaces.AliExpress;

/// <summary>
/// Token create and refresh as IOP system interfaces (fact sheet §2.2-§3): signed form posts with app_key,
/// timestamp in epoch milliseconds and sign_method=sha256; the app secret never goes on the wire.
/// </summary>
public sealed class IopTokenProtocol(IHttpClientFactory http, TimeProvider clock) : ITokenProtocol
{
    public const string CreateTokenPath = "/auth/token/create";
    public const string RefreshTokenPath = "/auth/token/refresh";

    public bool Handles(TokenRequestStyle style) => style == TokenRequestStyle.IopSigned;

    public Task<TokenSet> ExchangeAsync(MarketplaceTarget target, string code, string? codeVerifier, CancellationToken ct) =>
        CallAsync(target, target.Endpoints.TokenUrl, CreateTokenPath, "code", code, ct);

    public Task<TokenSet> RefreshAsync(MarketplaceTarget target, string refreshToken, IReadOnlyList<string> scopes, CancellationToken ct) =>
        CallAsync(target, target.Endpoints.RefreshUrl, RefreshTokenPath, "refresh_token", refreshToken, ct);

    private async Task<TokenSet> CallAsync(
        MarketplaceTarget target, string url, string apiPath, string grantParameter, string grant, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(grant))
            throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"No {grantParameter} to send to AliExpress");
        var parameters = new Dictionary<string, string>
        {
            ["app_key"] = target.Credentials["appKey"],
            ["timestamp"] = clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ["sign_method"] = IopSigner.SignMethod,
            [grantParameter] = grant,
        };
        parameters[IopSigner.SignParameter] = IopSigner.Sign(target.Credentials["appSecret"], apiPath, parameters);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(parameters) };
        using var response = await MarketplaceHttp.SendAsync(http.Create(), request, target.Marketplace.Name, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        using var json = TryParse(body);
        if (json is not null && IopFailure.FromRestBody(json.RootElement, (int)response.StatusCode) is { } failure) throw failure;
        if (!response.IsSuccessStatusCode || json is null) throw MarketplaceHttp.Failure(response, json, target.Marketplace.Name);
        return IopTokenResponse.Read(json.RootElement, clock.GetUtcNow());
    }

    private static JsonDocument? TryParse(string body)
    {
        try
        {
            return body.Length > 0 ? JsonDocument.Parse(body) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
