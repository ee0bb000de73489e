using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.TikTok;

/// <summary>
/// Requests as TikTok's own documentation sends them (recorded shapes: the curl examples of Content Posting's "Get
/// Started", "Query Creator Info", "Direct Post", "Get Post Status" and Login Kit's token refresh pages), against the
/// emulator with only the base URL changed: open.tiktokapis.com becomes {sandbox}/tiktok/open-api, one rewrite for the
/// token endpoint and the API alike. TikTok publishes no official client library for these APIs; its curl examples
/// are what integrations copy.
/// </summary>
public sealed class TikTokClientConformanceTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>, IAsyncLifetime
{
    private const string OpenApi = "/sandbox/tiktok/open-api";

    public Task InitializeAsync() => app.EnsureOwnerAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(string Access, string Refresh)> TokensAsync(string account)
    {
        var id = await SandboxAccounts.ConnectAsync(app, "tiktok", account);
        var secrets = await app.Services.GetRequiredService<ConnectionStore>().ReadSecretsAsync(id);
        return (secrets[TokenVault.AccessToken], secrets[TokenVault.RefreshToken]);
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        var json = JsonDocument.Parse(text).RootElement;
        if (json.TryGetProperty("error", out var error)) Assert.Equal("ok", error.GetProperty("code").GetString());
        return json;
    }

    /// <summary>curl's <c>--header 'Content-Type: application/json; charset=UTF-8'</c> with <c>--data-raw</c> (or no body).</summary>
    private static HttpRequestMessage Post(string path, string access, string? json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, OpenApi + path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json ?? "")) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=UTF-8");
        return request;
    }

    [Fact]
    public async Task The_documented_direct_post_goes_from_creator_info_through_its_five_chunks_to_its_status()
    {
        var (access, _) = await TokensAsync("docs-poster");
        using var http = app.CreateClient();

        var creator = await OkAsync(await http.SendAsync(Post("/v2/post/publish/creator_info/query/", access, null)));
        Assert.Contains("MUTUAL_FOLLOW_FRIENDS", creator.GetProperty("data").GetProperty("privacy_level_options").EnumerateArray().Select(o => o.GetString()));

        var init = await OkAsync(await http.SendAsync(Post("/v2/post/publish/video/init/", access, """
            {
              "post_info": {
                "title": "this will be a funny #cat video on your @tiktok #fyp",
                "privacy_level": "MUTUAL_FOLLOW_FRIENDS",
                "disable_duet": false,
                "disable_comment": true,
                "disable_stitch": false,
                "video_cover_timestamp_ms": 1000
              },
              "source_info": {
                  "source": "FILE_UPLOAD",
                  "video_size": 50000123,
                  "chunk_size":  10000000,
                  "total_chunk_count": 5
              }
            }
            """)));
        var publishId = init.GetProperty("data").GetProperty("publish_id").GetString()!;
        var uploadUrl = init.GetProperty("data").GetProperty("upload_url").GetString()!;

        // curl --request PUT '{upload_url}' --header 'Content-Range: bytes …' --header 'Content-Type: video/mp4' --data '@…'
        var video = Uploads.VideoUploadTests.Mp4(50_000_123);
        string[] ranges = ["0-9999999", "10000000-19999999", "20000000-29999999", "30000000-39999999", "40000000-50000122"];
        var statuses = new List<HttpStatusCode>();
        foreach (var range in ranges)
        {
            var (first, last) = (int.Parse(range.Split('-')[0]), int.Parse(range.Split('-')[1]));
            using var put = new HttpRequestMessage(HttpMethod.Put, new Uri(uploadUrl).PathAndQuery) { Content = new ByteArrayContent(video, first, last - first + 1) };
            put.Content.Headers.TryAddWithoutValidation("Content-Range", $"bytes {range}/50000123");
            put.Content.Headers.TryAddWithoutValidation("Content-Type", "video/mp4");
            using var answer = await http.SendAsync(put);
            statuses.Add(answer.StatusCode);
        }
        Assert.Equal([HttpStatusCode.PartialContent, HttpStatusCode.PartialContent, HttpStatusCode.PartialContent, HttpStatusCode.PartialContent, HttpStatusCode.Created], statuses);

        var status = await OkAsync(await http.SendAsync(Post("/v2/post/publish/status/fetch/", access, $$"""{"publish_id": "{{publishId}}"}""")));
        Assert.Contains(status.GetProperty("data").GetProperty("status").GetString(), new[] { "PROCESSING_UPLOAD", "PUBLISH_COMPLETE" });
    }

    [Fact]
    public async Task The_documented_token_refresh_and_user_info_read_work_on_the_same_base()
    {
        var (_, refresh) = await TokensAsync("docs-refresher");
        var credentials = await app.Services.GetRequiredService<Marketplaces.Sandbox.SandboxApps>().GetAsync("tiktok");
        using var http = app.CreateClient();
        // curl --request POST 'https://open.tiktokapis.com/v2/oauth/token/' --header 'Content-Type: application/x-www-form-urlencoded'
        //   --header 'Cache-Control: no-cache' --data-urlencode 'client_key=…' … 'grant_type=refresh_token' --data-urlencode 'refresh_token=…'
        using var request = new HttpRequestMessage(HttpMethod.Post, OpenApi + "/v2/oauth/token/")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["client_key"] = credentials["clientKey"], ["client_secret"] = credentials["clientSecret"],
                ["grant_type"] = "refresh_token", ["refresh_token"] = refresh,
            }),
        };
        request.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };

        var token = await OkAsync(await http.SendAsync(request));
        var access = token.GetProperty("access_token").GetString()!;

        // curl -L -X GET 'https://open.tiktokapis.com/v2/user/info/?fields=open_id,union_id,avatar_url' -H 'Authorization: Bearer …'
        using var info = new HttpRequestMessage(HttpMethod.Get, OpenApi + "/v2/user/info/?fields=open_id,union_id,avatar_url");
        info.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
        var user = await OkAsync(await http.SendAsync(info));
        Assert.False(string.IsNullOrEmpty(user.GetProperty("data").GetProperty("user").GetProperty("open_id").GetString()));
    }
}
