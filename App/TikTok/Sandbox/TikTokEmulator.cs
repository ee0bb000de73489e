using Marketplaces.Connections;
using Marketplaces.Sandbox;

namespace Marketplaces.TikTok.Sandbox;

/// <summary>
/// Local emulator of TikTok for Developers (Login Kit v2, web): the consent page at www.tiktok.com/v2/auth/authorize/,
/// and open.tiktokapis.com (its OAuth token and revoke endpoints and its v2 API) under <c>/open-api</c>, so that one
/// base URL stands for that host, as on TikTok.
/// </summary>
public sealed class TikTokEmulator(
    SandboxApps apps, SandboxGrants grants, SandboxJournal journal, SandboxOptions options, PublicUrls urls, Marketplaces.Sandbox.Webhooks.SandboxWebhookSender sender,
    TimeProvider clock)
    : ISandboxEmulator
{
    public string MarketplaceId => TikTokSandboxRules.Id;

    /// <summary>Signed deliveries to the app, for tests.</summary>
    public TikTokSandboxWebhooks Webhooks { get; } = new(apps, sender, clock);

    public void Map(IEndpointRouteBuilder routes)
    {
        var authorize = new TikTokAuthorizeEndpoint(apps, grants, journal, options, urls);
        routes.MapGet("/v2/auth/authorize/", authorize.ShowAsync);
        routes.MapPost("/v2/auth/authorize/", authorize.DecideAsync);

        var client = new TikTokClientCheck(apps);
        routes.MapPost("/open-api/v2/oauth/token/", new TikTokTokenEndpoint(client, grants, journal, options, clock).HandleAsync);
        routes.MapPost("/open-api/v2/oauth/revoke/", new TikTokRevokeEndpoint(client, grants, journal).HandleAsync);

        routes.MapGet("/open-api/v2/user/info/", new TikTokUserInfoEndpoint(grants, urls).HandleAsync);
        routes.MapGet("/avatar/{openId}.svg", TikTokAvatar.Render);
        _posting = new Posting.TikTokPostingEndpoints(apps, grants, urls, clock);
        _posting.Map(routes);
    }

    private Posting.TikTokPostingEndpoints? _posting;

    /// <summary>A sandbox account's publish tasks, for tests.</summary>
    public IReadOnlyList<Posting.TikTokSandboxPublish> Publishes(string account) => _posting?.Publishes(account) ?? [];
}
