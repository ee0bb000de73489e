namespace Marketplaces.Tests.Conformance;

/// <summary>A request as the validator sees it: header names only, since their values may be tokens.</summary>
public sealed record ApiRequest(HttpMethod Method, Uri Url, IReadOnlyCollection<string> HeaderNames, string? ContentType = null, string Body = "")
{
    public static async Task<ApiRequest> ReadAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var names = request.Headers.Select(h => h.Key).ToList();
        if (request.Content is not { } content) return new(request.Method, request.RequestUri!, names);
        // Buffered, the content can still be read by the handlers after this one.
        await content.LoadIntoBufferAsync(ct);
        names.AddRange(content.Headers.Select(h => h.Key));
        return new(request.Method, request.RequestUri!, names, content.Headers.ContentType?.MediaType, await content.ReadAsStringAsync(ct));
    }
}
