using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Marketplaces.RateLimits;
using Microsoft.IO;

namespace Marketplaces.Connections;

/// <summary>
/// The one HTTP pipeline for marketplace calls: a named client with the rate limiter and a bounded time per attempt,
/// and the table that turns status codes and OAuth error bodies into <see cref="MarketplaceException"/> kinds.
/// </summary>
public static class MarketplaceHttp
{
    public const string ClientName = "marketplaces";

    public static void AddMarketplaceHttp(this IServiceCollection services)
    {
        services.AddRateLimits();
        services.AddHttpClient(ClientName, client =>
            {
                // Each attempt is bounded below instead: a call may first wait for its rate-limit allowance.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Marketplaces/1.0 (Language=C#; self-hosted seller dashboard)");
            })
            .AddHttpMessageHandler<RateLimitHandler>()
            .AddHttpMessageHandler(() => new AttemptTimeoutHandler(TimeSpan.FromSeconds(30)))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
    }

    public static HttpClient Create(this IHttpClientFactory factory) => factory.CreateClient(ClientName);

    /// <summary>Sends a request; network failures and timeouts become <see cref="MarketplaceErrorKind.Transient"/>.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, string marketplaceName, CancellationToken ct)
    {
        try
        {
            return await client.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new MarketplaceException(MarketplaceErrorKind.Transient, $"{marketplaceName} could not be reached: {e.Message}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new MarketplaceException(MarketplaceErrorKind.Transient, $"{marketplaceName} did not answer in time");
        }
    }

    /// <summary>
    /// Reads a JSON success body, or throws the failure as a typed exception. OAuth error bodies
    /// (<c>{"error","error_description"}</c>) are understood; <c>invalid_grant</c> means the seller must reconnect.
    /// </summary>
    public static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, string marketplaceName, CancellationToken ct)
    {
        var json = await TryReadJsonAsync(response, ct);
        if (response.IsSuccessStatusCode && json is not null && !HasOAuthError(json)) return json;
        using (json) throw Failure(response, json, marketplaceName);
    }

    /// <summary>Reads a JSON success body, or throws the failure <paramref name="failure"/> reads from the marketplace's own error body.</summary>
    public static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, Func<HttpResponseMessage, JsonDocument?, MarketplaceException> failure, CancellationToken ct)
    {
        var json = await TryReadJsonAsync(response, ct);
        if (response.IsSuccessStatusCode && json is not null) return json;
        using (json) throw failure(response, json);
    }

    /// <summary>For calls that answer with headers only (a 201 with Location, a 204): throws unless the call succeeded.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, Func<HttpResponseMessage, JsonDocument?, MarketplaceException> failure, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        using var json = await TryReadJsonAsync(response, ct);
        throw failure(response, json);
    }

    /// <summary>Pooled buffers for response bodies; what the pools keep idle is bounded.</summary>
    private static readonly RecyclableMemoryStreamManager Bodies = new(new RecyclableMemoryStreamManager.Options
    {
        MaximumSmallPoolFreeBytes = 4 * 1024 * 1024,
        MaximumLargePoolFreeBytes = 16 * 1024 * 1024,
    });

    /// <summary>
    /// The body as JSON, or null when it is empty or not JSON (a proxy's error page, a truncated answer). Read from the
    /// body's UTF-8 bytes into a pooled stream, which the parser copies into a pooled buffer of its own (returned when the
    /// document is disposed; it skips a byte order mark): a page of orders (a megabyte) is otherwise a new array or string
    /// on the large object heap, a garbage collection of the whole heap every few pages. A body that declares another
    /// character set is decoded first.
    /// </summary>
    public static async Task<JsonDocument?> TryReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var body = Bodies.GetStream(nameof(TryReadJsonAsync));
        if (response.Content.Headers.ContentType?.CharSet is { } charset && !IsUtf8(charset))
            body.Write(Encoding.UTF8.GetBytes(await response.Content.ReadAsStringAsync(ct)));
        else
            await response.Content.CopyToAsync(body, ct);
        LoneSurrogateEscapes.Replace(body.GetBuffer().AsSpan(0, (int)body.Length));
        body.Position = 0;
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsUtf8(string charset) => charset.Trim('"', ' ') is var name
        && (name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase));

    public static MarketplaceException Failure(HttpResponseMessage response, JsonDocument? json, string marketplaceName)
    {
        var status = (int)response.StatusCode;
        var (code, description) = json is null ? (null, null) : OAuthError(json.RootElement);
        var message = $"{marketplaceName} answered {status}" + (code is null ? "" : $": {code}") + (description is null ? "" : $" ({description})");
        var kind = code == "invalid_grant" ? MarketplaceErrorKind.ReauthorizationRequired : KindOf(response);
        return new MarketplaceException(kind, message, code, RetryAfterOf(response), status);
    }

    /// <summary>The shared status table: 429 is rate limited, 5xx and 408 are transient, anything else is a refusal.</summary>
    public static MarketplaceErrorKind KindOf(HttpResponseMessage response) => (int)response.StatusCode switch
    {
        429 => MarketplaceErrorKind.RateLimited,
        >= 500 or 408 => MarketplaceErrorKind.Transient,
        _ => MarketplaceErrorKind.Rejected,
    };

    public static TimeSpan? RetryAfterOf(HttpResponseMessage response) =>
        response.Headers.RetryAfter is { } header ? header.Delta ?? (header.Date is { } date ? date - DateTimeOffset.UtcNow : null) : null;

    private static bool HasOAuthError(JsonDocument json) =>
        json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var error)
        && error.ValueKind == JsonValueKind.String && !json.RootElement.TryGetProperty("access_token", out _);

    private static (string? Code, string? Description) OAuthError(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return (null, null);
        var code = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        var description = root.TryGetProperty("error_description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        return (code, description);
    }
}
