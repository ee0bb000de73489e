namespace Marketplaces.Amazon.Sandbox;

/// <summary>Sellers API v1 (specs/amazon/sellers.json): the marketplaces the calling seller sells in.</summary>
internal sealed class AmazonSellersEndpoint(AmazonSpApi spApi)
{
    public async Task<IResult> MarketplaceParticipationsAsync(HttpRequest request, CancellationToken ct)
    {
        var (seller, refusal) = await spApi.AuthorizeAsync(request, ct);
        if (seller is null) return refusal!;
        AmazonSpApi.Success(request.HttpContext.Response, "0.016");
        return Results.Json(new
        {
            payload = AmazonSandboxAccount.Marketplaces.Select(marketplace => new
            {
                marketplace,
                storeName = seller.StoreName,
                participation = new { isParticipating = true, hasSuspendedListings = false },
            }),
        });
    }
}
