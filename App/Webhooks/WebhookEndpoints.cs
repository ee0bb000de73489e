namespace Marketplaces.Webhooks;

public static class WebhookEndpoints
{
    /// <summary>Anonymous by nature: a delivery is trusted only once its receiver has verified the marketplace's signature.</summary>
    public static void MapWebhooks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/webhooks/{marketplace}", (string marketplace, HttpRequest http, WebhookIntake intake, CancellationToken ct) =>
            intake.ReceiveAsync(marketplace, http, ct)).AllowAnonymous().DisableAntiforgery();
        endpoints.MapGet("/webhooks/{marketplace}", (string marketplace, HttpRequest http, IEnumerable<IWebhookChallenge> challenges, CancellationToken ct) =>
            challenges.FirstOrDefault(c => c.MarketplaceId.Equals(marketplace, StringComparison.OrdinalIgnoreCase)) is { } challenge
                ? challenge.AnswerAsync(http, ct)
                : Task.FromResult(Results.NotFound())).AllowAnonymous();
    }
}
