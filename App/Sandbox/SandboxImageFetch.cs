using System.Net;

namespace Marketplaces.Sandbox;

/// <summary>
/// A marketplace fetching an image a seller named by address (WooCommerce, eBay, Shopify do): only http(s), an answer
/// of 200 with an image type. Each emulator words the refusal in its marketplace's own error.
/// </summary>
public static class SandboxImageFetch
{
    private static readonly HashSet<string> ImageTypes = ["image/jpeg", "image/png", "image/webp", "image/gif"];

    public static async Task<FetchedImage> FetchAsync(HttpClient client, string? src, CancellationToken ct)
    {
        if (src is null || !Uri.TryCreate(src, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            return new FetchedImage(src ?? "", ImageFetchProblem.InvalidUrl, null, 0, null);
        try
        {
            using var response = await client.GetAsync(url, ct);
            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            if (!response.IsSuccessStatusCode)
                return new FetchedImage(src, ImageFetchProblem.Status, type, 0, $"{(int)response.StatusCode} {ReasonOf(response.StatusCode)}");
            if (!ImageTypes.Contains(type)) return new FetchedImage(src, ImageFetchProblem.NotAnImage, type, 0, null);
            return new FetchedImage(src, null, type, (await response.Content.ReadAsByteArrayAsync(ct)).Length, null);
        }
        catch (HttpRequestException e)
        {
            return new FetchedImage(src, ImageFetchProblem.Unreachable, null, 0, e.Message);
        }
    }

    private static string ReasonOf(HttpStatusCode status) => System.Text.RegularExpressions.Regex.Replace(status.ToString(), "(?<=[a-z])(?=[A-Z])", " ");
}

public enum ImageFetchProblem
{
    InvalidUrl,
    Status,
    NotAnImage,
    Unreachable,
}

/// <param name="Detail">The status answered, or the connection's failure.</param>
public sealed record FetchedImage(string Src, ImageFetchProblem? Problem, string? ContentType, int Bytes, string? Detail);
