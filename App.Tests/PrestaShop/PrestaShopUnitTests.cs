using Marketplaces.PrestaShop;
using Marketplaces.PrestaShop.Sandbox;

namespace Marketplaces.Tests.PrestaShop;

public sealed class PrestaShopUnitTests
{
    [Fact]
    public void The_webservice_key_is_the_basic_user_with_an_empty_password_as_in_example_G()
    {
        var header = PrestaShopAuthorization.Basic("UCCLLQ9N2ARSHWCXLT74KUKSSK34BFKX");
        Assert.Equal("Basic", header.Scheme);
        Assert.Equal("VUNDTExROU4yQVJTSFdDWExUNzRLVUtTU0szNEJGS1g6", header.Parameter);
    }

    [Theory]
    [InlineData("[2024-01-01 00:00:00,2024-12-31 23:59:59]", true)]
    [InlineData("[2024-01-01T00:00:00,2024-12-31T23:59:59]", false)]
    [InlineData("[2024-06-30 12:00:00,2024-12-31 23:59:59]", true)]
    [InlineData(">[2024-06-30 12:00:00]", false)]
    [InlineData("<[2024-07-01 00:00:00]", true)]
    public void An_interval_filter_only_understands_digits_and_date_punctuation_as_in_example_H(string filter, bool matches)
    {
        Assert.Equal(matches, PrestaShopFilter.Matches("2024-06-30 12:00:00", filter));
    }

    [Theory]
    [InlineData("[PS_SHOP_NAME]", true)]
    [InlineData("PS_SHOP_NAME", true)]
    [InlineData("[ps_shop_name]", true)]
    [InlineData("[PS_SHOP_EMAIL|PS_SHOP_NAME]", true)]
    [InlineData("![PS_SHOP_EMAIL|PS_SHOP_NAME]", false)]
    [InlineData("[PS_SHOP]%", true)]
    [InlineData("%[_NAME]", true)]
    [InlineData("%[SHOP]%", true)]
    [InlineData("[PS_SHOP]", false)]
    public void Literal_list_negated_and_like_filters_match_case_insensitively(string filter, bool matches)
    {
        Assert.Equal(matches, PrestaShopFilter.Matches("PS_SHOP_NAME", filter));
    }
}
