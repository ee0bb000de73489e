using Marketplaces.Hosting;
using SkiaSharp;

namespace Marketplaces.Products;

/// <summary>
/// Product photos under <c>Data/media/products</c>: <c>{id}.jpg|png|webp</c> as uploaded and <c>{id}.thumb.jpg</c>, a
/// 320-pixel thumbnail turned upright (phone photos are stored sideways with an EXIF orientation). An upload is streamed to
/// a temporary file, never held whole in memory, and kept only if SkiaSharp decodes it as a JPEG, PNG or WebP of sensible
/// size: what the browser says the type is, and the file name's extension, are not trusted.
/// </summary>
public sealed class ProductImages(AppPaths paths)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>eBay refuses photos under 500 pixels on the longest side.</summary>
    public const int MinLongestSide = 500;

    /// <summary>A decompression bomb guard: 100 megapixels is more than any marketplace takes.</summary>
    private const long MaxPixels = 100_000_000;

    private const int ThumbnailSide = 320;

    public string Folder => Path.Combine(paths.Media, "products");

    /// <summary>Stores an upload as a new image of <paramref name="productId"/>; a file that is not a usable photo throws <see cref="ProductImageException"/>.</summary>
    public async Task<ProductImage> StoreAsync(Guid productId, string fileName, Stream content, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var id = Guid.CreateVersion7();
        var upload = Path.Combine(Folder, $"{id}.upload");
        try
        {
            long bytes;
            await using (var file = new FileStream(upload, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await CopyAtMostAsync(content, file, ct);
                bytes = file.Length;
            }
            var (type, extension, width, height) = Inspect(upload);
            File.Move(upload, OriginalPath(id, extension));
            WriteThumbnail(OriginalPath(id, extension), ThumbnailPath(id));
            return new ProductImage
            {
                Id = id, ProductId = productId, FileName = NameOf(fileName),
                ContentType = type, Width = width, Height = height, Bytes = bytes,
            };
        }
        finally
        {
            File.Delete(upload);
        }
    }

    /// <summary>The stored original (content type from <see cref="ProductImage.ContentType"/>) or null when it is gone.</summary>
    public string? OriginalOf(Guid id) =>
        ProductImageFormats.Extensions.Select(e => OriginalPath(id, e)).FirstOrDefault(File.Exists);

    public string? ThumbnailOf(Guid id) => File.Exists(ThumbnailPath(id)) ? ThumbnailPath(id) : null;

    public void Delete(Guid id)
    {
        if (OriginalOf(id) is { } original) File.Delete(original);
        File.Delete(ThumbnailPath(id));
    }

    /// <summary>The last part of a name a browser or a Windows path gave, cut to what the column takes.</summary>
    private static string NameOf(string fileName) =>
        fileName[(fileName.LastIndexOfAny(['/', '\\']) + 1)..] is { Length: > 0 } name ? name[..Math.Min(name.Length, ProductRules.NameLength)] : "image";

    /// <param name="extension">With its dot.</param>
    private string OriginalPath(Guid id, string extension) => Path.Combine(Folder, $"{id}{extension}");

    private string ThumbnailPath(Guid id) => Path.Combine(Folder, $"{id}.thumb.jpg");

    private static async Task CopyAtMostAsync(Stream source, Stream target, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > MaxBytes) throw new ProductImageException($"The image is larger than {MaxBytes / 1024 / 1024} MB.");
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        if (total == 0) throw new ProductImageException("The file is empty.");
    }

    private static (string Type, string Extension, int Width, int Height) Inspect(string path)
    {
        using var codec = SKCodec.Create(path) ?? throw new ProductImageException("The file is not an image this app can read (JPEG, PNG or WebP).");
        var type = codec.EncodedFormat switch
        {
            SKEncodedImageFormat.Jpeg => "image/jpeg",
            SKEncodedImageFormat.Png => "image/png",
            SKEncodedImageFormat.Webp => "image/webp",
            var other => throw new ProductImageException($"{other} images are not taken by every marketplace: upload a JPEG, PNG or WebP."),
        };
        var extension = ProductImageFormats.ExtensionOf(type);
        var (width, height) = Upright(codec.EncodedOrigin, codec.Info.Width, codec.Info.Height);
        if ((long)width * height > MaxPixels) throw new ProductImageException("The image has more than 100 megapixels.");
        if (Math.Max(width, height) < MinLongestSide)
            throw new ProductImageException($"The image is {width}×{height} pixels; marketplaces want at least {MinLongestSide} pixels on the longest side.");
        return (type, extension, width, height);
    }

    private static void WriteThumbnail(string original, string thumbnail)
    {
        using var codec = SKCodec.Create(original) ?? throw new ProductImageException("The image could not be read again.");
        using var decoded = SKBitmap.Decode(codec) ?? throw new ProductImageException("The image could not be decoded.");
        var scale = Math.Min(1f, (float)ThumbnailSide / Math.Max(decoded.Width, decoded.Height));
        var size = new SKSizeI(Math.Max(1, (int)(decoded.Width * scale)), Math.Max(1, (int)(decoded.Height * scale)));
        using var small = decoded.Resize(size, new SKSamplingOptions(SKCubicResampler.Mitchell)) ?? throw new ProductImageException("The image could not be scaled.");
        var (width, height) = Upright(codec.EncodedOrigin, small.Width, small.Height);
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        // A transparent PNG on white, as the marketplaces show it.
        canvas.Clear(SKColors.White);
        switch (codec.EncodedOrigin)
        {
            case SKEncodedOrigin.RightTop:
                canvas.Translate(width, 0);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.BottomRight:
                canvas.Translate(width, height);
                canvas.RotateDegrees(180);
                break;
            case SKEncodedOrigin.LeftBottom:
                canvas.Translate(0, height);
                canvas.RotateDegrees(270);
                break;
        }
        canvas.DrawBitmap(small, 0, 0, SKSamplingOptions.Default, null);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        using var file = File.Create(thumbnail);
        data.SaveTo(file);
    }

    /// <summary>Width and height as the photo is meant to be seen: EXIF orientations 5 to 8 swap them.</summary>
    private static (int Width, int Height) Upright(SKEncodedOrigin origin, int width, int height) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom
            ? (height, width)
            : (width, height);
}

/// <summary>An upload that cannot be a product photo; the message says why, for the seller.</summary>
public sealed class ProductImageException(string message) : Exception(message);
