using CsvHelper;

namespace Marketplaces.Products;

/// <summary>The whole catalog as CSV (<see cref="ProductCsv"/>), streamed product by product; imported again, it changes nothing.</summary>
public static class ProductExport
{
    public const string Path = "/products/export.csv";

    public static void MapProductExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, ExportAsync).RequireAuthorization();

    private static async Task ExportAsync(HttpContext http, ProductCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"products-{clock.GetUtcNow():yyyy-MM-dd}.csv\"";
        http.Response.Headers.CacheControl = "no-store";
        // A title starting with = + - @ is escaped, so that a spreadsheet never runs it as a formula.
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true };
        await using var csv = CsvWriter.Create(http.Response.Body, options, leaveOpen: true);
        await csv.WriteRecordAsync(ProductCsv.Headers, ct);
        await foreach (var product in catalog.AllAsync(ct))
        {
            foreach (var row in ProductCsv.Rows(product)) await csv.WriteRecordAsync(row, ct);
            await csv.FlushAsync(ct);
        }
    }
}
