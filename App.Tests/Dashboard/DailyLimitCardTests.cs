using Bunit;
using Marketplaces.Dashboard;
using Marketplaces.RateLimits;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Dashboard;

/// <summary>The card's "daily limit reached" line, as the dashboard renders it, for a quota another app instance used up.</summary>
public sealed class DailyLimitCardTests : MudComponentTest
{
    private const string OneCallADay = "Catalog:ebay:RateLimits:Groups:sell.fulfillment:PerDay";

    [Fact]
    public async Task A_daily_limit_used_up_on_another_instance_shows_on_the_ebay_card_with_the_time_it_resets()
    {
        await using var shown = new ServerAppFactory().OnPostgreSql().With(OneCallADay, "1");
        await shown.InitializeAsync();
        await using var spender = new AppFactory().With(OneCallADay, "1")
            .Reusing(shown);
        await spender.InitializeAsync();
        using var owner = await SandboxBrowserlessClient.SignedInOwnerAsync(shown);
        Assert.True((await owner.ConnectAsync("ebay", sandboxAccount: "daily-limit-seller")).ContainsKey("connected"));

        await spender.Services.GetRequiredService<RateLimiter>().AcquireAsync(new RateLimitKey("ebay", "any-seller", "sell.fulfillment"), default);

        UseApp(shown.Services);
        SignIn(TestUsers.OwnerEmail);
        var overview = (await shown.Services.GetRequiredService<MarketplaceOverviews>().LoadAsync()).Single(o => o.Marketplace.Id == "ebay");
        var card = Render<MarketplaceCard>(p => p.Add(c => c.Overview, overview));
        var pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        var midnight = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, pacific).Date.AddDays(1);
        var resets = new DateTimeOffset(midnight, pacific.GetUtcOffset(midnight)).ToUniversalTime();
        card.WaitForAssertion(() => Assert.Contains($"Daily limit reached (sell.fulfillment); resets at {resets:yyyy-MM-dd HH:mm} UTC.",
            Assert.Single(card.FindAll(".connection .daily-limit")).TextContent), TimeSpan.FromSeconds(15));
    }
}
