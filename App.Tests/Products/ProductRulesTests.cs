using Marketplaces.Products;

namespace Marketplaces.Tests.Products;

public class ProductRulesTests
{
    private static readonly ProductRules Rules = new();

    public static Product Shirt() => new()
    {
        Id = Guid.CreateVersion7(), Sku = "TSHIRT", Title = "Organic T-shirt", Currency = "EUR", Price = 19.90m, Quantity = 5,
    };

    private static List<string> Errors(Product product) => Rules.Validate(product).Errors.Select(e => e.ErrorMessage).ToList();

    [Theory]
    [InlineData("4006381333931", true)]  // EAN-13
    [InlineData("036000291452", true)]   // UPC-A
    [InlineData("96385074", true)]       // EAN-8
    [InlineData("9780306406157", true)]  // ISBN-13
    [InlineData("10036000291459", true)] // GTIN-14
    [InlineData("4006381333932", false)] // wrong check digit
    [InlineData("400638133393", false)]  // 12 digits, wrong check digit for a UPC
    [InlineData("40063813339", false)]   // 11 digits
    [InlineData("40063813339A", false)]
    public void A_gtin_is_8_12_13_or_14_digits_with_the_gs1_check_digit(string code, bool valid) => Assert.Equal(valid, Gtin.IsValid(code));

    [Fact]
    public void A_complete_product_passes() => Assert.Empty(Errors(Shirt()));

    [Theory]
    [InlineData("", "Enter a SKU.")]
    [InlineData("T SHIRT", "A SKU may hold letters, digits and - _ . / only, no spaces.")]
    [InlineData("ÄPFEL", "A SKU may hold letters, digits and - _ . / only, no spaces.")]
    public void A_bad_sku_is_named(string sku, string message)
    {
        var product = Shirt();
        product.Sku = sku;
        Assert.Equal([message], Errors(product));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("19.999")]
    [InlineData("1000000.01")]
    public void A_price_is_positive_bounded_and_in_cents(string price)
    {
        var product = Shirt();
        product.Price = decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(Errors(product), e => e.StartsWith("A price is more than 0", StringComparison.Ordinal));
    }

    [Fact]
    public void Currency_gtin_quantity_and_sizes_are_checked()
    {
        var product = Shirt();
        (product.Currency, product.Gtin, product.Quantity, product.LengthCm) = ("euro", "123", -1, 0);
        Assert.Equal(4, Errors(product).Count);
    }

    [Fact]
    public void Variants_must_be_combinations_of_the_options_with_skus_of_their_own()
    {
        var product = Shirt();
        product.Options = [new ProductOption { Name = "Size", Values = ["S", "M"] }];
        Assert.Contains("Create the variants for these options.", Errors(product));
        product.Variants = VariantCombinations.For(product);
        Assert.Empty(Errors(product));
        product.Variants[1].Sku = "TSHIRT";
        product.Variants.Add(new ProductVariant { Sku = "TSHIRT-XL", OptionValues = ["XL"], Price = 20m });
        var errors = Errors(product);
        Assert.Contains("The SKU TSHIRT is used twice in this product.", errors);
        Assert.Contains("XL: not a combination of the options' values.", errors);
    }

    [Fact]
    public void Options_need_names_and_distinct_values_and_there_are_at_most_three()
    {
        var product = Shirt();
        product.Options =
        [
            new ProductOption { Name = "", Values = ["S"] }, new ProductOption { Name = "Colour", Values = ["Red", "red"] },
            new ProductOption { Name = "Fit", Values = [] }, new ProductOption { Name = "Sleeve", Values = ["Long"] },
        ];
        var errors = Errors(product);
        Assert.Contains("Name every option (e.g. Size).", errors);
        Assert.Contains("Colour lists a value twice.", errors);
        Assert.Contains("Give Fit at least one value.", errors);
        Assert.Contains("A product has at most 3 options.", errors);
    }

    [Fact]
    public async Task The_editor_gets_the_messages_of_one_field_only()
    {
        var product = Shirt();
        (product.Sku, product.Title) = ("A B", "");
        Assert.Equal(["Enter a title."], await Rules.ValidateValueAsync(product, nameof(Product.Title)));
        Assert.Equal(["A SKU may hold letters, digits and - _ . / only, no spaces."], await Rules.ValidateValueAsync(product, nameof(Product.Sku)));
    }
}
