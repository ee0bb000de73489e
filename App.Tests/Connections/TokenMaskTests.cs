using Marketplaces.Connections;

namespace Marketplaces.Tests.Connections;

public sealed class TokenMaskTests
{
    [Fact]
    public void A_long_token_shows_four_characters_at_each_end_and_its_length()
    {
        Assert.Equal("Atza…wxyz (30 chars)", TokenMask.Mask("Atza|abcdefghijklmnopqrstuwxyz"));
    }

    [Fact]
    public void A_medium_secret_shows_two_characters_at_each_end()
    {
        Assert.Equal("ab…yz (14 chars)", TokenMask.Mask("abcdefghijwxyz"));
    }

    [Fact]
    public void A_short_secret_shows_only_its_length()
    {
        Assert.Equal("•••• (8 chars)", TokenMask.Mask("12345678"));
    }

    [Theory]
    [InlineData("v^1.1#i^1#p^3#r^1#I^3#f^0#t^Ul4xMF8yOjFBMjk1QjVDQkIyRjg5RTU5N0Y1RkQyNkU4QTlFQzhCXzBfMSNFXjI2MA==")]
    [InlineData("act.example1234567890abcdefghijklmnopqrstuvwxyz")]
    public void The_mask_never_contains_the_middle_of_the_token(string token)
    {
        var mask = TokenMask.Mask(token);
        Assert.DoesNotContain(token[4..^4], mask);
        Assert.True(mask.Length < token.Length);
    }
}
