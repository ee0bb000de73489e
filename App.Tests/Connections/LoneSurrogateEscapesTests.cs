using System.Text;
using System.Text.Json;
using Marketplaces.Connections;

namespace Marketplaces.Tests.Connections;

public sealed class LoneSurrogateEscapesTests
{
    [Theory]
    [InlineData("""{"name":"a\ud800b"}""", """{"name":"a\uFFFDb"}""")]
    [InlineData("""{"name":"a\uDC00"}""", """{"name":"a\uFFFD"}""")]
    [InlineData("""{"name":"\ud800\ud800\udc00"}""", """{"name":"\uFFFD\ud800\udc00"}""")]
    [InlineData("""{"name":"gift \ud83c\udf81"}""", """{"name":"gift \ud83c\udf81"}""")]
    [InlineData("""{"path":"C:\\ud800"}""", """{"path":"C:\\ud800"}""")]
    [InlineData("""{"name":"\u00e9\n"}""", """{"name":"\u00e9\n"}""")]
    [InlineData("""{"name":"ends with \ud800""", """{"name":"ends with \uFFFD""")]
    public void Only_escaped_unpaired_surrogates_are_replaced(string json, string expected)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        LoneSurrogateEscapes.Replace(utf8);
        Assert.Equal(expected, Encoding.UTF8.GetString(utf8));
    }

    [Fact]
    public void What_it_gives_back_parses_into_strings()
    {
        var utf8 = """{"name":"Ann\ud800e"}"""u8.ToArray();
        LoneSurrogateEscapes.Replace(utf8);
        using var parsed = JsonDocument.Parse(utf8);
        Assert.Equal("Ann\uFFFDe", parsed.RootElement.GetProperty("name").GetString());
    }
}
