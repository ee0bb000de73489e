namespace Marketplaces.Etsy.Sandbox;

/// <summary>A sandbox seller's shop as the spec's <c>Shop</c> schema (a subset of its optional fields).</summary>
internal static class EtsySandboxShop
{
    /// <summary>Sandbox shops all opened on 14 Nov 2023 (Unix seconds, as Etsy's timestamps).</summary>
    private const long OpenedAt = 1_700_000_000;

    public static object For(EtsySandboxAccount seller) => new
    {
        shop_id = seller.ShopId,
        user_id = seller.UserId,
        shop_name = seller.ShopName,
        create_date = OpenedAt,
        created_timestamp = OpenedAt,
        title = (string?)null,
        announcement = (string?)null,
        currency_code = "USD",
        is_vacation = false,
        update_date = OpenedAt,
        updated_timestamp = OpenedAt,
        listing_active_count = 0,
        digital_listing_count = 0,
        login_name = seller.Name,
        accepts_custom_requests = false,
        num_favorers = 0,
        languages = new[] { "en-US" },
        is_shop_us_based = true,
        transaction_sold_count = 0,
        shipping_from_country_iso = "US",
        shop_location_country_iso = "US",
        review_count = 0,
        review_average = (float?)null,
    };
}
