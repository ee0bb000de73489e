using Marketplaces.Products;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Marketplaces.Tests.Products;

public sealed class PostgreSqlCatalogFactory : AppFactory
{
    public PostgreSqlCatalogFactory() => OnPostgreSql();
}

/// <summary>The catalog against each provider's real database: saves, SKU uniqueness across products and variants, images on disk, CSV import.</summary>
public abstract class ProductCatalogTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : AppFactory
{
    private ProductCatalog Catalog => app.Services.GetRequiredService<ProductCatalog>();
    private ProductImages Images => app.Services.GetRequiredService<ProductImages>();

    private static Product New(string sku, params string[] sizes)
    {
        var product = new Product { Id = Guid.CreateVersion7(), Sku = sku, Title = $"Product {sku}", Currency = "EUR", Price = 10m, Quantity = 2 };
        if (sizes.Length == 0) return product;
        product.Options = [new ProductOption { Name = "Size", Values = [.. sizes] }];
        product.Variants = VariantCombinations.For(product);
        return product;
    }

    [Fact]
    public async Task A_product_with_variants_is_stored_whole_and_found_by_its_own_or_a_variants_sku()
    {
        var product = New("CAT-HOODIE", "S", "M");
        product.Description = "<p>Warm</p><script>x()</script>";
        product.Variants[1].Quantity = 4;
        var saved = await Catalog.SaveAsync(product);
        Assert.True(saved.Saved, string.Join(" ", saved.Errors.Select(e => e.Message)));

        var found = await Catalog.FindAsync(saved.Id!.Value);
        Assert.NotNull(found);
        Assert.Equal("<p>Warm</p>", found.Description);
        Assert.Equal(["CAT-HOODIE-S", "CAT-HOODIE-M"], found.Variants.Select(v => v.Sku));
        Assert.Equal(["S", "M"], found.Options.Single().Values);
        Assert.Equal(4, found.QuantityOnHand);

        var page = await Catalog.PageAsync("hoodie-m", 0, 25);
        var row = Assert.Single(page.Rows);
        Assert.Equal((found.Id, 2, 4), (row.Id, row.Variants, row.Quantity));
    }

    [Fact]
    public async Task A_sku_another_product_or_variant_has_is_refused_and_nothing_is_written()
    {
        Assert.True((await Catalog.SaveAsync(New("CAT-MUG", "Red"))).Saved);
        var clash = await Catalog.SaveAsync(New("cat-mug"));
        Assert.Equal([new ProductError(nameof(Product.Sku), "Another product already has the SKU CAT-MUG.")], clash.Errors);
        var variantClash = await Catalog.SaveAsync(New("CAT-MUG-RED"));
        Assert.Equal("Another product already has the SKU CAT-MUG-RED.", Assert.Single(variantClash.Errors).Message);
        Assert.DoesNotContain((await Catalog.PageAsync("cat-mug-red", 0, 25)).Rows, r => r.Sku == "CAT-MUG-RED");
    }

    [Fact]
    public async Task Editing_keeps_variant_ids_changes_what_changed_and_removes_dropped_images_from_disk()
    {
        var product = New("CAT-CAP", "S", "M");
        await using (var first = new MemoryStream(TestImages.Encode(800, 600)))
            product.Images.Add(await Images.StoreAsync(product.Id, "front.jpg", first, CancellationToken.None));
        await using (var second = new MemoryStream(TestImages.Encode(600, 800, SKEncodedImageFormat.Png)))
            product.Images.Add(await Images.StoreAsync(product.Id, "back.png", second, CancellationToken.None));
        Assert.True((await Catalog.SaveAsync(product)).Saved);

        var edited = (await Catalog.FindAsync(product.Id))!;
        var medium = edited.Variants[1].Id;
        var dropped = edited.Images[0].Id;
        edited.Title = "Cap, washed";
        edited.Options[0].Values = ["M", "L"];
        edited.Variants = VariantCombinations.For(edited);
        edited.Variants[0].Price = 12.5m;
        edited.Images.RemoveAt(0);
        Assert.True((await Catalog.SaveAsync(edited)).Saved);

        var stored = (await Catalog.FindAsync(product.Id))!;
        Assert.Equal("Cap, washed", stored.Title);
        Assert.Equal([("M", medium, 12.5m), ("L", stored.Variants[1].Id, 10m)], stored.Variants.Select(v => (v.Name, v.Id, v.Price)));
        Assert.Equal(["back.png"], stored.Images.Select(i => i.FileName));
        Assert.Equal((600, 800, "image/png"), (stored.Images[0].Width, stored.Images[0].Height, stored.Images[0].ContentType));
        Assert.Null(Images.OriginalOf(dropped));
        Assert.NotNull(Images.ThumbnailOf(stored.Images[0].Id));
    }

    [Fact]
    public async Task Images_are_checked_by_decoding_not_by_name()
    {
        var id = Guid.CreateVersion7();
        async Task<string> Refused(byte[] bytes, string name)
        {
            await using var stream = new MemoryStream(bytes);
            return (await Assert.ThrowsAsync<ProductImageException>(() => Images.StoreAsync(id, name, stream, CancellationToken.None))).Message;
        }
        Assert.Equal("The file is not an image this app can read (JPEG, PNG or WebP).", await Refused("<html>not a photo</html>"u8.ToArray(), "photo.jpg"));
        Assert.Equal("The image is 400×300 pixels; marketplaces want at least 500 pixels on the longest side.", await Refused(TestImages.Encode(400, 300), "small.jpg"));
        Assert.Equal("Gif images are not taken by every marketplace: upload a JPEG, PNG or WebP.", await Refused("GIF89a\x01\x00\x01\x00\x00\x00\x00;"u8.ToArray(), "a.gif"));
        Assert.Empty(Directory.GetFiles(Images.Folder, "*.upload"));

        await using var webp = new MemoryStream(TestImages.Encode(1200, 500, SKEncodedImageFormat.Webp));
        var stored = await Images.StoreAsync(id, "C:\\Users\\me\\wide.webp", webp, CancellationToken.None);
        Assert.Equal(("wide.webp", "image/webp", 1200, 500), (stored.FileName, stored.ContentType, stored.Width, stored.Height));
        using var thumbnail = SKCodec.Create(Images.ThumbnailOf(stored.Id)!);
        Assert.Equal((SKEncodedImageFormat.Jpeg, 320, 133), (thumbnail.EncodedFormat, thumbnail.Info.Width, thumbnail.Info.Height));
    }

    [Fact]
    public async Task A_public_image_address_opens_its_image_only_and_cannot_be_made_up()
    {
        await app.EnsureOwnerAsync();
        var id = Guid.CreateVersion7();
        await using var bytes = new MemoryStream(TestImages.Encode(600, 600));
        var image = await Images.StoreAsync(id, "public.jpg", bytes, CancellationToken.None);
        var address = new Uri(app.Services.GetRequiredService<Marketplaces.Products.Listings.PublicImageUrls>().For(image));
        using var anonymous = app.CreateClient();

        using var served = await anonymous.GetAsync(address.PathAndQuery);
        Assert.Equal((System.Net.HttpStatusCode.OK, "image/jpeg"), (served.StatusCode, served.Content.Headers.ContentType?.MediaType));
        var segments = address.AbsolutePath.Split('/');
        var token = segments[^2];
        var forged = string.Join('/', segments[..^2]) + "/" + token[..^2] + (token[^2..] == "AA" ? "AB" : "AA") + "/" + segments[^1];
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync(forged)).StatusCode);
        var otherName = string.Join('/', segments[..^1]) + $"/{Guid.CreateVersion7():N}.jpg";
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync(otherName)).StatusCode);
    }

    [Fact]
    public async Task The_daily_sweep_deletes_day_old_photos_of_no_product_and_keeps_the_rest()
    {
        var product = New("CAT-SWEEP");
        await using (var kept = new MemoryStream(TestImages.Encode(600, 600))) product.Images.Add(await Images.StoreAsync(product.Id, "kept.jpg", kept, CancellationToken.None));
        Assert.True((await Catalog.SaveAsync(product)).Saved);
        ProductImage Orphan(string name)
        {
            using var bytes = new MemoryStream(TestImages.Encode(600, 600));
            return Images.StoreAsync(Guid.CreateVersion7(), name, bytes, CancellationToken.None).GetAwaiter().GetResult();
        }
        var old = Orphan("abandoned.jpg");
        var fresh = Orphan("being-edited.jpg");
        foreach (var file in new[] { Images.OriginalOf(old.Id)!, Images.ThumbnailOf(old.Id)!, Images.OriginalOf(product.Images[0].Id)! })
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-2));

        var result = await app.Services.GetRequiredService<ProductImageSweep>().RunAsync(CancellationToken.None);

        Assert.Equal("2 photo files of no product deleted", result);
        Assert.Null(Images.OriginalOf(old.Id));
        Assert.Null(Images.ThumbnailOf(old.Id));
        Assert.NotNull(Images.OriginalOf(fresh.Id));
        Assert.NotNull(Images.OriginalOf(product.Images[0].Id));
    }

    [Fact]
    public async Task The_list_sorts_by_title_price_and_stock_counting_variants_stock()
    {
        var cheap = New("SORT-B");
        (cheap.Title, cheap.Price, cheap.Quantity) = ("Sort beta", 5.5m, 9);
        var dear = New("SORT-A");
        (dear.Title, dear.Price, dear.Quantity) = ("Sort alpha", 120m, 0);
        var sized = New("SORT-C", "S", "M");
        (sized.Title, sized.Price) = ("Sort gamma", 30m);
        sized.Variants[0].Quantity = 2;
        sized.Variants[1].Quantity = 3;
        foreach (var product in new[] { cheap, dear, sized }) Assert.True((await Catalog.SaveAsync(product)).Saved);

        async Task<List<string>> Skus(ProductSortColumn column, bool descending) =>
            (await Catalog.PageAsync(new ProductListFilter("sort-"), new ProductSort(column, descending), 0, 10)).Rows.Select(r => r.Sku).ToList();
        Assert.Equal(["SORT-A", "SORT-B", "SORT-C"], await Skus(ProductSortColumn.Title, false));
        Assert.Equal(["SORT-A", "SORT-C", "SORT-B"], await Skus(ProductSortColumn.Price, true));
        Assert.Equal(["SORT-A", "SORT-C", "SORT-B"], await Skus(ProductSortColumn.Quantity, false));
        Assert.Equal(["SORT-C", "SORT-A", "SORT-B"], await Skus(ProductSortColumn.Updated, true));
    }

    [Fact]
    public async Task A_csv_imports_the_good_products_and_none_of_a_product_with_a_bad_row()
    {
        Assert.True((await Catalog.SaveAsync(New("CSV-KEPT"))).Saved);
        var rows = ProductCsv.Read(new StringReader("""
            sku,parent_sku,title,price,currency,quantity,option1_name,option1_value
            CSV-KEPT,,Kept and renamed,15,EUR,9,,
            CSV-TEE,,Tee,20,EUR,0,,
            CSV-TEE-S,CSV-TEE,,20,,3,Size,S
            CSV-TEE-M,CSV-TEE,,20,,4,Size,M
            CSV-BAD,,Bad,5,EUR,1,,
            CSV-BAD-S,CSV-BAD,,abc,,1,Size,S
            CSV-ORPHAN,CSV-NOWHERE,,1,,1,Size,S
            CSV-NOPRICE,,No price,,EUR,1,,
            """));
        var import = app.Services.GetRequiredService<ProductCsvImport>();
        var check = await import.CheckAsync(rows);
        Assert.Equal(
            [ProductCsvOutcomeKind.Update, ProductCsvOutcomeKind.New, ProductCsvOutcomeKind.New, ProductCsvOutcomeKind.New, ProductCsvOutcomeKind.Invalid,
             ProductCsvOutcomeKind.Invalid, ProductCsvOutcomeKind.Invalid, ProductCsvOutcomeKind.Invalid],
            check.Select(o => o.Kind));
        Assert.Empty((await Catalog.PageAsync("csv-tee", 0, 25)).Rows);

        var done = await import.ImportAsync(rows);
        Assert.Equal(4, done.Count(o => o.Kind == ProductCsvOutcomeKind.Imported));
        Assert.Equal("price 'abc' is not a number (use a dot for decimals).", done[5].Message);
        Assert.Equal("Not imported: line 7 of the same product has a problem.", done[4].Message);
        Assert.Equal("There is no product row for its parent_sku CSV-NOWHERE in the file.", done[6].Message);
        Assert.Contains("A price is more than 0", done[7].Message);

        var tee = (await Catalog.FindAsync(done[1].ProductId!.Value))!;
        Assert.Equal([("CSV-TEE-S", 3), ("CSV-TEE-M", 4)], tee.Variants.Select(v => (v.Sku, v.Quantity)));
        Assert.Equal("Kept and renamed", (await Catalog.FindAsync(done[0].ProductId!.Value))!.Title);
        Assert.Empty((await Catalog.PageAsync("csv-bad", 0, 25)).Rows);
        Assert.Empty((await Catalog.PageAsync("csv-noprice", 0, 25)).Rows);
    }
}

public sealed class ProductCatalogTestsOnSqlite(AppFactory app) : ProductCatalogTests<AppFactory>(app);

public sealed class ProductCatalogTestsOnPostgreSql(PostgreSqlCatalogFactory app) : ProductCatalogTests<PostgreSqlCatalogFactory>(app);
