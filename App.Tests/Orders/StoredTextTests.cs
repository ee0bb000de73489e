using Marketplaces.Orders;

namespace Marketplaces.Tests.Orders;

public sealed class StoredTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\0b\0", "ab")]
    [InlineData("gift 🎁", "gift 🎁")]
    public void Nul_goes_unpaired_surrogates_become_replacement_characters_and_pairs_stay(string text, string stored) =>
        Assert.Equal(stored, StoredText.Clean(text, 100));

    [Fact]
    public void Unpaired_surrogates_become_replacement_characters()
    {
        // Built here: xunit's data attributes carry strings through UTF-8, which cannot hold an unpaired surrogate.
        Assert.Equal("x\uFFFDy", StoredText.Clean("x" + (char)0xD800 + "y", 100));
        Assert.Equal("x\uFFFD", StoredText.Clean("x" + (char)0xDC00, 100));
        Assert.Equal("\uFFFD\uFFFD", StoredText.Clean(new string([(char)0xDC00, (char)0xD800]), 100));
    }

    [Fact]
    public void Text_over_its_length_is_cut_with_a_marker_and_never_between_the_halves_of_a_pair()
    {
        Assert.Equal("abcd…", StoredText.Clean("abcdefgh", 5));
        Assert.Equal("abc…", StoredText.Clean("abc🎁defg", 5));
        Assert.Equal("abcde", StoredText.Clean("abcde", 5));
        Assert.Null(StoredText.Clean(null, 5));
    }
}
