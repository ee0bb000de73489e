using System.Text.RegularExpressions;
using FluentValidation;

namespace Marketplaces.Products;

/// <summary>
/// What the catalog accepts, checked field by field in the editor and for every CSV row. Limits are the catalog's,
/// chosen so that a product fits the marketplaces it is published to (eBay caps a SKU at 50 characters, Shopify a
/// product at 3 options, Etsy's listing takes 10 images); a marketplace's own tighter limits are checked when publishing.
/// </summary>
public sealed partial class ProductRules : AbstractValidator<Product>
{
    public const int SkuLength = 50;
    public const int TitleLength = 140;
    public const int NameLength = 100;
    public const int DescriptionLength = 50_000;
    public const int MaxOptions = 3;
    public const int MaxValuesPerOption = 30;
    public const int MaxVariants = 100;
    public const int MaxImages = 10;
    public const decimal MaxPrice = 1_000_000m;
    public const int MaxQuantity = 1_000_000;

    public ProductRules()
    {
        RuleFor(p => p.Sku).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Enter a SKU.")
            .MaximumLength(SkuLength).WithMessage($"A SKU has at most {SkuLength} characters.")
            .Must(BeSku).WithMessage("A SKU may hold letters, digits and - _ . / only, no spaces.");
        RuleFor(p => p.Title).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Enter a title.")
            .MaximumLength(TitleLength).WithMessage($"A title has at most {TitleLength} characters.");
        RuleFor(p => p.Description).MaximumLength(DescriptionLength).WithMessage($"A description has at most {DescriptionLength:N0} characters.");
        RuleFor(p => p.Brand).MaximumLength(NameLength).WithMessage($"A brand has at most {NameLength} characters.");
        RuleFor(p => p.Mpn).MaximumLength(NameLength).WithMessage($"An MPN has at most {NameLength} characters.");
        RuleFor(p => p.Gtin).Must(g => string.IsNullOrEmpty(g) || Gtin.IsValid(g))
            .WithMessage("Not a valid GTIN: 8, 12, 13 or 14 digits (UPC, EAN, ISBN-13) with a correct check digit.");
        RuleFor(p => p.Currency).Must(c => c is { Length: 3 } && c.All(char.IsAsciiLetterUpper))
            .WithMessage("A currency is a three-letter ISO code such as EUR or USD.");
        RuleFor(p => p.Price).Must(BePrice).WithMessage($"A price is more than 0 and at most {MaxPrice:N0}, with at most two decimals.");
        RuleFor(p => p.Quantity).InclusiveBetween(0, MaxQuantity).WithMessage($"A quantity is a whole number from 0 to {MaxQuantity:N0}.");
        RuleFor(p => p.LowStockThreshold).InclusiveBetween(0, MaxQuantity).WithMessage($"A low-stock level is a whole number from 0 to {MaxQuantity:N0}, or blank.");
        RuleFor(p => p.WeightGrams).InclusiveBetween(1, 1_000_000).When(p => p.WeightGrams is not null)
            .WithMessage("A weight is from 1 g to 1,000 kg.");
        RuleFor(p => p.LengthCm).Must(BeSize).WithMessage("A length is more than 0 and at most 1,000 cm.");
        RuleFor(p => p.WidthCm).Must(BeSize).WithMessage("A width is more than 0 and at most 1,000 cm.");
        RuleFor(p => p.HeightCm).Must(BeSize).WithMessage("A height is more than 0 and at most 1,000 cm.");
        RuleFor(p => p.Images.Count).LessThanOrEqualTo(MaxImages).OverridePropertyName(nameof(Product.Images))
            .WithMessage($"A product has at most {MaxImages} images.");
        RuleFor(p => p.Options.Count).LessThanOrEqualTo(MaxOptions).OverridePropertyName(nameof(Product.Options))
            .WithMessage($"A product has at most {MaxOptions} options.");
        RuleForEach(p => p.Options).ChildRules(option =>
        {
            option.RuleFor(o => o.Name).NotEmpty().WithMessage("Name every option (e.g. Size).")
                .MaximumLength(NameLength).WithMessage($"An option name has at most {NameLength} characters.");
            option.RuleFor(o => o.Values).NotEmpty().WithMessage(o => $"Give {OptionName(o)} at least one value.")
                .Must(v => v.Count <= MaxValuesPerOption).WithMessage(o => $"{OptionName(o)} has more than {MaxValuesPerOption} values.")
                .Must(v => v.Distinct(StringComparer.OrdinalIgnoreCase).Count() == v.Count).WithMessage(o => $"{OptionName(o)} lists a value twice.");
        });
        RuleFor(p => p.Options).Must(o => o.Select(x => x.Name.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == o.Count)
            .WithMessage("Two options have the same name.");
        RuleFor(p => p.Variants.Count).LessThanOrEqualTo(MaxVariants).OverridePropertyName(nameof(Product.Variants))
            .WithMessage($"A product has at most {MaxVariants} variants.");
        RuleFor(p => p.Variants).Must((p, v) => p.Options.Count == 0 || v.Count > 0).WithMessage("Create the variants for these options.");
        RuleForEach(p => p.Variants).ChildRules(variant =>
        {
            variant.RuleFor(v => v.Sku).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(v => $"Give {v.Name} a SKU.")
                .MaximumLength(SkuLength).WithMessage(v => $"{v.Name}: a SKU has at most {SkuLength} characters.")
                .Must(BeSku).WithMessage(v => $"{v.Name}: a SKU may hold letters, digits and - _ . / only, no spaces.");
            variant.RuleFor(v => v.Price).Must(BePrice).WithMessage(v => $"{v.Name}: a price is more than 0 and at most {MaxPrice:N0}, with at most two decimals.");
            variant.RuleFor(v => v.Quantity).InclusiveBetween(0, MaxQuantity).WithMessage(v => $"{v.Name}: a quantity is a whole number from 0 to {MaxQuantity:N0}.");
            variant.RuleFor(v => v.Gtin).Must(g => string.IsNullOrEmpty(g) || Gtin.IsValid(g)).WithMessage(v => $"{v.Name}: not a valid GTIN.");
        });
        RuleFor(p => p).Custom((p, context) =>
        {
            foreach (var variant in p.Variants.Where(v => v.OptionValues.Count != p.Options.Count || v.OptionValues.Where((value, i) => !p.Options[i].Values.Contains(value)).Any()))
                context.AddFailure(nameof(Product.Variants), $"{variant.Name}: not a combination of the options' values.");
            foreach (var twice in p.Variants.GroupBy(v => string.Join('\u001f', v.OptionValues), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
                context.AddFailure(nameof(Product.Variants), $"{twice.First().Name} is listed twice.");
            var skus = p.Variants.Select(v => v.Sku).Prepend(p.Sku).Where(s => s.Length > 0);
            foreach (var sku in skus.GroupBy(s => s, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key))
                context.AddFailure(nameof(Product.Variants), $"The SKU {sku} is used twice in this product.");
        });
    }

    /// <summary>For a MudForm's Validation: the messages for one property of the product.</summary>
    public async Task<IEnumerable<string>> ValidateValueAsync(object model, string propertyName)
    {
        if (model is not Product product) return [];
        var result = await ValidateAsync(FluentValidation.ValidationContext<Product>.CreateWithOptions(product, o => o.IncludeProperties(propertyName)));
        return result.Errors.Select(e => e.ErrorMessage);
    }

    private static string OptionName(ProductOption option) => option.Name is { Length: > 0 } name ? name : "each option";

    private static bool BeSku(string sku) => SkuPattern().IsMatch(sku);

    private static bool BePrice(decimal price) => price > 0 && price <= MaxPrice && decimal.Round(price, 2) == price;

    private static bool BeSize(decimal? size) => size is null || size > 0 && size <= 1_000;

    [GeneratedRegex(@"^[A-Za-z0-9\-_./]+$")]
    private static partial Regex SkuPattern();
}
