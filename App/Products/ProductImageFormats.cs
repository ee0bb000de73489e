namespace Marketplaces.Products;

/// <summary>The photo formats the catalog keeps, each with its content type and the extension its file is stored under.</summary>
public static class ProductImageFormats
{
    private static readonly (string ContentType, string Extension)[] Formats = [("image/jpeg", ".jpg"), ("image/png", ".png"), ("image/webp", ".webp")];

    public static IEnumerable<string> Extensions => Formats.Select(f => f.Extension);

    /// <summary>The extension (with its dot) of a content type; JPEG's for any other.</summary>
    public static string ExtensionOf(string contentType) => Formats.FirstOrDefault(f => f.ContentType == contentType).Extension ?? ".jpg";

    /// <summary>The content type of a stored file by its extension; JPEG's for any other.</summary>
    public static string ContentTypeOf(string path) =>
        Formats.FirstOrDefault(f => string.Equals(f.Extension, Path.GetExtension(path), StringComparison.OrdinalIgnoreCase)).ContentType ?? "image/jpeg";
}
