using Marketplaces.Products;

namespace Marketplaces.Tests.Products;

public class ProductCsvTests
{
    [Fact]
    public void A_product_and_its_variants_are_read_with_their_lines_and_options()
    {
        var rows = ProductCsv.Read(new StringReader("""
            sku,parent_sku,title,price,currency,quantity,option1_name,option1_value,condition
            MUG,,"Mug, large",12.50,EUR,3,,,new
            MUG-RED,MUG,,13,,2,Colour,Red,
            """));
        Assert.Equal(2, rows.Count);
        Assert.Equal((2, "MUG", "Mug, large", 12.50m, "EUR", 3, ProductCondition.New), (rows[0].Line, rows[0].Sku, rows[0].Title, rows[0].Price, rows[0].Currency, rows[0].Quantity, rows[0].Condition));
        Assert.False(rows[0].IsVariant);
        Assert.Equal((3, "MUG", 13m, 2), (rows[1].Line, rows[1].ParentSku, rows[1].Price, rows[1].Quantity));
        Assert.Equal([("Colour", "Red")], rows[1].Options);
        Assert.All(rows, r => Assert.Empty(r.Problems));
    }

    [Fact]
    public void Unreadable_values_are_problems_of_their_row()
    {
        var rows = ProductCsv.Read(new StringReader("sku;title;price;quantity;condition;option1_name\nA;One;12,5;two;mint;Size\n;Two;3;1;;\n"));
        Assert.Equivalent(new[]
        {
            "price '12,5' is not a number (use a dot for decimals).", "quantity 'two' is not a whole number.",
            "condition 'mint' is not one of New, NewOther, Refurbished, UsedLikeNew, UsedGood, UsedAcceptable, ForParts.",
            "Each option needs both its name and its value.",
        }, rows[0].Problems, strict: true);
        Assert.Equal(["The SKU is missing."], rows[1].Problems);
    }

    [Fact]
    public void A_file_without_the_needed_columns_is_refused_as_a_whole() =>
        Assert.Contains("lacks title, price", Assert.Throws<ProductCsvException>(() => ProductCsv.Read(new StringReader("sku,name\nA,B\n"))).Message);

    [Fact]
    public void What_the_export_writes_reads_back_the_same_formula_escapes_included()
    {
        var product = ProductRulesTests.Shirt();
        product.Title = "=HYPERLINK(\"x\")";
        product.Options = [new ProductOption { Name = "Size", Values = ["S", "M"] }];
        product.Variants = VariantCombinations.For(product);
        var text = new StringWriter();
        using (var csv = CsvHelper.CsvWriter.Create(text, new CsvHelper.CsvWriterOptions { Injection = CsvHelper.CsvInjection.Escape }))
        {
            csv.WriteRecord(ProductCsv.Headers);
            foreach (var row in ProductCsv.Rows(product)) csv.WriteRecord(row);
        }
        Assert.Contains("'=HYPERLINK", text.ToString());
        var rows = ProductCsv.Read(new StringReader(text.ToString()));
        Assert.Equal(("TSHIRT", "=HYPERLINK(\"x\")", 19.90m, "EUR", 5), (rows[0].Sku, rows[0].Title, rows[0].Price, rows[0].Currency, rows[0].Quantity));
        Assert.Equal(["TSHIRT-S", "TSHIRT-M"], rows.Skip(1).Select(r => r.Sku));
        Assert.Equal([("Size", "M")], rows[2].Options);
    }
}
