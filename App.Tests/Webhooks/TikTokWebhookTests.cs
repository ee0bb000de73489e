using System.Text;
using System.Text.Json.Nodes;
using Marketplaces.Connections;
using Marketplaces.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.TikTok.Sandbox;
using Marketplaces.TikTok.Webhooks;
using Marketplaces.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Webhooks;

[Collection(WebhooksCollection.Name)]
public sealed class TikTokWebhookTests(WebhooksFixture app)
{
    private TikTokSandboxWebhooks TikTok => app.Services.GetServices<ISandboxEmulator>().OfType<TikTokEmulator>().Single().Webhooks;

    [Fact]
    public async Task Authorization_removed_marks_the_connection_to_connect_again_once_and_forged_or_stale_ones_do_nothing()
    {
        var connection = await SandboxAccounts.ConnectAsync(app, "tiktok", "hooks-creator");
        var removed = new JsonObject { ["reason"] = 1 };

        Assert.Equal(401, await TikTok.SendAsync(app.Address("tiktok"), "hooks-creator", "authorization.removed", removed, secret: "not-the-client-secret"));
        Assert.Equal(401, await TikTok.SendAsync(app.Address("tiktok"), "hooks-creator", "authorization.removed", removed, signedAt: DateTimeOffset.UtcNow.AddMinutes(-6)));
        await Task.Delay(1500);
        Assert.Empty(await app.EventsAsync(connection));
        Assert.Equal(ConnectionState.Connected, (await app.Services.GetRequiredService<ConnectionStore>().FindAsync(connection))!.State);
        Assert.Equal(2, app.Services.GetRequiredService<WebhookRefusals>().For(connection)?.Count);

        Assert.Equal(200, await TikTok.SendAsync(app.Address("tiktok"), "hooks-creator", "authorization.removed", removed));

        await WebhooksFixture.Until(async () => (await app.EventsAsync(connection)).Any(e => e.ProcessedAt is not null), "processed");
        var stored = Assert.Single(await app.EventsAsync(connection));
        Assert.Equal((WebhookKind.GrantRemoved, "authorization.removed"), (stored.Kind, stored.Topic));
        var after = (await app.Services.GetRequiredService<ConnectionStore>().FindAsync(connection))!;
        Assert.Equal(ConnectionState.ReconnectNeeded, after.State);
        Assert.Contains("disconnected the app in TikTok", after.StateReason);
    }

    [Fact]
    public async Task A_publish_event_is_stored_once_however_often_tiktok_delivers_it()
    {
        var connection = await SandboxAccounts.ConnectAsync(app, "tiktok", "hooks-poster");
        var content = new JsonObject { ["publish_id"] = "v_pub_file~v2-1.123456789", ["publish_type"] = "INBOX_SHARE" };
        // The same event delivered again, perhaps a second later: the same create_time, a newer signature.
        var happened = DateTimeOffset.UtcNow;

        Assert.Equal(200, await TikTok.SendAsync(app.Address("tiktok"), "hooks-poster", "post.publish.complete", content, happenedAt: happened));
        Assert.Equal(200, await TikTok.SendAsync(app.Address("tiktok"), "hooks-poster", "post.publish.complete", content, happenedAt: happened));

        Assert.Single(await app.EventsAsync(connection), e => e.Topic == "post.publish.complete");
    }
}

/// <summary>tiktok.md §5.4's computed vectors.</summary>
public sealed class TikTokSignatureTests
{
    private const string Body = """{"client_key":"bwo2m45353a6k85","event":"post.publish.complete","create_time":1633174586,"user_openid":"act.example12345Example12345Example","content":"{\"publish_id\":\"v_pub_file~v2-1.123456789\",\"publish_type\":\"INBOX_SHARE\"}"}""";

    [Fact]
    public void The_sheets_vectors()
    {
        Assert.Equal("f4857ea5b1361d50cbd9d28f4f4bf3935c363b9410027903885b4f0c6ed0afd3", TikTokSignature.Compute("tt_test_client_secret", 1633174587, Encoding.UTF8.GetBytes(Body)));
        Assert.Equal("51eded33a3865081e43e1ce72432ec819a24c8908b889748435b4046198e3b86", TikTokSignature.Compute("tt_test_client_secret", 1633174587, Encoding.UTF8.GetBytes(Body + "\n")));
        Assert.Equal("46d8bc618f275a4b5d3ebc138e9f04e37f77e2a54c48d68b4b36feeaff10f7ca", TikTokSignature.Compute("tt_test_client_secret", 1615338611,
            Encoding.UTF8.GetBytes("""{"client_key":"bwo2m45353a6k85","event":"authorization.removed","create_time":1615338610,"user_openid":"act.example12345Example12345Example","content":"{\"reason\": 1 }"}""")));
    }

    [Fact]
    public void The_header_is_read_in_either_order_and_an_incomplete_one_refused()
    {
        Assert.Equal((1633174587L, "abc"), TikTokSignature.Parse("s=abc, t=1633174587"));
        Assert.Null(TikTokSignature.Parse("t=1633174587"));
        Assert.Null(TikTokSignature.Parse("garbage"));
        Assert.True(TikTokSignature.Verifies("tt_test_client_secret", 1633174587, Encoding.UTF8.GetBytes(Body), "F4857EA5B1361D50CBD9D28F4F4BF3935C363B9410027903885B4F0C6ED0AFD3"));
    }
}

/// <summary>TikTok's post.publish.* webhooks ending an upload's status before the next poll.</summary>
[Collection(WebhooksCollection.Name)]
public sealed class TikTokPublishWebhookTests(WebhooksFixture app)
{
    private TikTokSandboxWebhooks TikTok => app.Services.GetServices<ISandboxEmulator>().OfType<TikTokEmulator>().Single().Webhooks;

    private async Task<Marketplaces.Uploads.VideoUpload> ProcessingUploadAsync(Guid connection, string publishId)
    {
        var upload = new Marketplaces.Uploads.VideoUpload
        {
            Id = Guid.NewGuid(), ConnectionId = connection, FileName = "teaser.mp4", ContentType = "video/mp4", Size = 1, CreatedBy = TestUsers.OwnerEmail,
            State = Marketplaces.Uploads.VideoUploadState.Processing, PublishId = publishId, CreatedAt = DateTimeOffset.UtcNow,
        };
        await using var db = await app.DbAsync();
        db.Add(upload);
        await db.SaveChangesAsync();
        return upload;
    }

    private async Task<Marketplaces.Uploads.VideoUpload> ReloadAsync(Guid id)
    {
        await using var db = await app.DbAsync();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Set<Marketplaces.Uploads.VideoUpload>(), u => u.Id == id);
    }

    [Fact]
    public async Task A_failed_publish_ends_the_upload_in_words_and_a_public_post_adds_its_id()
    {
        var connection = await SandboxAccounts.ConnectAsync(app, "tiktok", "hooks-publisher");
        var failing = await ProcessingUploadAsync(connection, "v_pub_file~v2-1.900000001");
        var public_ = await ProcessingUploadAsync(connection, "v_pub_file~v2-1.900000002");

        Assert.Equal(200, await TikTok.SendAsync(app.Address("tiktok"), "hooks-publisher", "post.publish.failed",
            new JsonObject { ["publish_id"] = failing.PublishId, ["reason"] = "spam_risk_text", ["publish_type"] = "DIRECT_POST" }));
        Assert.Equal(200, await TikTok.SendAsync(app.Address("tiktok"), "hooks-publisher", "post.publish.complete",
            new JsonObject { ["publish_id"] = public_.PublishId, ["publish_type"] = "DIRECT_POST" }));
        Assert.Equal(200, await TikTok.SendAsync(app.Address("tiktok"), "hooks-publisher", "post.publish.publicly_available",
            new JsonObject { ["publish_id"] = public_.PublishId, ["post_id"] = 7300000000999999999L, ["publish_type"] = "DIRECT_POST" }));

        await WebhooksFixture.Until(async () => (await app.EventsAsync(connection)).Count(e => e.ProcessedAt is not null) == 3, "processed");
        var failed = await ReloadAsync(failing.Id);
        Assert.Equal((Marketplaces.Uploads.VideoUploadState.Failed, "spam_risk_text"), (failed.State, failed.FailReason));
        Assert.Contains("caption as spam", failed.Message);
        var posted = await ReloadAsync(public_.Id);
        Assert.Equal(Marketplaces.Uploads.VideoUploadState.Published, posted.State);
        Assert.Equal([7300000000999999999L], posted.PostIds);
    }
}
