namespace Marketplaces.Products;

/// <summary>Product photos for signed-in users: the original and its thumbnail, by image id (never by a path).</summary>
public static class ProductMedia
{
    private const string Path = "/media/products";

    public static string Original(Guid imageId) => $"{Path}/{imageId}";

    public static string Thumbnail(Guid imageId) => $"{Path}/{imageId}/thumb";

    public static void MapProductMedia(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet($"{Path}/{{id:guid}}", (Guid id, ProductImages images) =>
            images.OriginalOf(id) is { } file ? Results.File(file, ProductImageFormats.ContentTypeOf(file), enableRangeProcessing: true) : Results.NotFound()).RequireAuthorization();
        endpoints.MapGet($"{Path}/{{id:guid}}/thumb", (Guid id, ProductImages images) =>
            images.ThumbnailOf(id) is { } file ? Results.File(file, "image/jpeg") : Results.NotFound()).RequireAuthorization();
    }
}
