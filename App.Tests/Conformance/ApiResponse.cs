namespace Marketplaces.Tests.Conformance;

/// <summary>A response as the validator sees it: header names only.</summary>
public sealed record ApiResponse(int Status, IReadOnlyCollection<string> HeaderNames, string? ContentType = null, string Body = "")
{
    public static async Task<ApiResponse> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        // Buffered, the caller still reads the body.
        await response.Content.LoadIntoBufferAsync(ct);
        var names = response.Headers.Concat(response.Content.Headers).Select(h => h.Key).ToList();
        return new((int)response.StatusCode, names, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(ct));
    }
}
