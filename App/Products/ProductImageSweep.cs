using Hangfire;
using Marketplaces.Database;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Products;

/// <summary>
/// Daily: deletes photos under <c>Data/media/products</c> that no product has, once they are a day old. A photo is
/// stored as soon as it is uploaded, before its product is saved (which may never happen), and a file whose delete
/// failed after a save stays behind; the day's grace keeps the photos of a product someone is still editing.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class ProductImageSweep(IDbContextFactory<AppDbContext> contexts, ProductImages images, TimeProvider clock)
{
    public const string Id = "product-images-sweep";
    public static readonly TimeSpan Grace = TimeSpan.FromDays(1);

    /// <returns>What the dashboard shows as the run's result.</returns>
    public async Task<string> RunAsync(CancellationToken ct)
    {
        if (!Directory.Exists(images.Folder)) return "no photos";
        await using var db = await contexts.CreateDbContextAsync(ct);
        var kept = (await db.Set<ProductImage>().Select(i => i.Id).ToListAsync(ct)).ToHashSet();
        var before = clock.GetUtcNow().UtcDateTime - Grace;
        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(images.Folder))
        {
            var name = Path.GetFileName(file);
            if (!Guid.TryParse(name[..Math.Min(36, name.Length)], out var id) || kept.Contains(id) || File.GetLastWriteTimeUtc(file) > before) continue;
            File.Delete(file);
            deleted++;
        }
        return $"{deleted} photo files of no product deleted";
    }
}
