using Marketplaces.Products;

namespace Marketplaces.Tests.Products;

public class VariantCombinationsTests
{
    [Fact]
    public void Every_combination_in_the_options_order_with_suggested_skus_and_the_products_price()
    {
        var product = ProductRulesTests.Shirt();
        product.Options = [new ProductOption { Name = "Colour", Values = ["Red", "Navy blue"] }, new ProductOption { Name = "Size", Values = ["S", "XL"] }];
        var variants = VariantCombinations.For(product);
        Assert.Equal(["Red / S", "Red / XL", "Navy blue / S", "Navy blue / XL"], variants.Select(v => v.Name));
        Assert.Equal(["TSHIRT-RED-S", "TSHIRT-RED-XL", "TSHIRT-NAVYBLUE-S", "TSHIRT-NAVYBLUE-XL"], variants.Select(v => v.Sku));
        Assert.All(variants, v => Assert.Equal((19.90m, 0), (v.Price, v.Quantity)));
        Assert.Equal([0, 1, 2, 3], variants.Select(v => v.Position));
    }

    [Fact]
    public void A_combination_that_stays_keeps_its_variant_and_a_dropped_value_drops_its_variants()
    {
        var product = ProductRulesTests.Shirt();
        product.Options = [new ProductOption { Name = "Size", Values = ["S", "M"] }];
        product.Variants = VariantCombinations.For(product);
        var medium = product.Variants[1];
        (medium.Sku, medium.Price, medium.Quantity) = ("MY-OWN-M", 21m, 7);
        product.Options[0].Values = ["M", "L"];
        var variants = VariantCombinations.For(product);
        Assert.Equal(["M", "L"], variants.Select(v => v.Name));
        Assert.Same(medium, variants[0]);
        Assert.Equal(("MY-OWN-M", 21m, 7), (variants[0].Sku, variants[0].Price, variants[0].Quantity));
        Assert.Equal("TSHIRT-L", variants[1].Sku);
    }

    [Fact]
    public void No_options_no_variants() => Assert.Empty(VariantCombinations.For(ProductRulesTests.Shirt()));

    [Fact]
    public void A_suggested_sku_is_cut_to_the_catalogs_length() =>
        Assert.Equal(ProductRules.SkuLength, VariantCombinations.SuggestedSku(new string('A', 48), ["Large"]).Length);
}
