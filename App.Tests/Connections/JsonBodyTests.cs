using System.Net;
using System.Text;
using Marketplaces.Connections;

namespace Marketplaces.Tests.Connections;

/// <summary>How a marketplace's JSON body is read: from its UTF-8 bytes, whatever a server puts around them.</summary>
public sealed class JsonBodyTests
{
    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=\"UTF-8\"")]
    public async Task A_utf8_body_is_read_with_or_without_its_byte_order_mark(string contentType)
    {
        foreach (var bom in new[] { false, true })
        {
            using var json = await ReadAsync(Encoding.UTF8.GetBytes("""{"name":"Zoë 🎁"}"""), contentType, bom);
            Assert.Equal("Zoë 🎁", json!.RootElement.GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task A_body_that_declares_another_character_set_is_decoded_by_it()
    {
        using var json = await ReadAsync(Encoding.Latin1.GetBytes("""{"name":"Zoë"}"""), "application/json; charset=iso-8859-1");
        Assert.Equal("Zoë", json!.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_long_body_of_unknown_length_is_read_whole_with_its_lone_surrogates_cleaned()
    {
        var names = Enumerable.Range(0, 20_000).Select(i => $"\"buyer {i}\"").Append("\"last \\ud800\"");
        var body = Encoding.UTF8.GetBytes($"{{\"names\":[{string.Join(",", names)}]}}");
        var content = new StreamContent(new UnknownLength(body));
        Assert.Null(content.Headers.ContentLength);
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content };

        using var json = await MarketplaceHttp.TryReadJsonAsync(response, CancellationToken.None);

        var read = json!.RootElement.GetProperty("names");
        Assert.Equal(20_001, read.GetArrayLength());
        Assert.Equal("last \uFFFD", read[20_000].GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>Bad gateway</html>")]
    [InlineData("""{"orders":[""")]
    public async Task An_empty_or_broken_body_is_no_json(string body) =>
        Assert.Null(await ReadAsync(Encoding.UTF8.GetBytes(body), "application/json"));

    private sealed class UnknownLength(byte[] body) : MemoryStream(body)
    {
        public override bool CanSeek => false;
    }

    private static async Task<System.Text.Json.JsonDocument?> ReadAsync(byte[] body, string contentType, bool bom = false)
    {
        var content = new ByteArrayContent(bom ? [.. Encoding.UTF8.Preamble, .. body] : body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        return await MarketplaceHttp.TryReadJsonAsync(response, CancellationToken.None);
    }
}
