namespace Marketplaces.Sandbox;

/// <summary>
/// The mechanics of an emulator's consent page: GET checks the authorize request and shows <see cref="ConsentPage"/>;
/// POST checks it again (the form can be posted without the page), then answers Deny, or Approve for the sandbox
/// account typed in. A marketplace supplies its parameters, its checks and its answers.
/// </summary>
public abstract class OAuthConsentEndpoint<TRequest>(SandboxJournal journal) where TRequest : class
{
    protected abstract string MarketplaceId { get; }

    /// <summary>The marketplace's name on error pages.</summary>
    protected abstract string MarketplaceName { get; }

    /// <summary>Who the consent page says it is.</summary>
    protected virtual string PageTitle => MarketplaceName;

    protected abstract string DefaultAccount { get; }

    /// <summary>The authorize parameters, carried from the page to the decision as hidden fields.</summary>
    protected abstract IReadOnlyCollection<string> Parameters { get; }

    /// <returns>The request, or the marketplace's answer to a bad one (an error page, or a redirect once the redirect URI is verified).</returns>
    protected abstract Task<(TRequest? Request, IResult? Problem)> CheckAsync(ConsentParameters parameters, CancellationToken ct);

    protected virtual IEnumerable<string> Scopes(TRequest request) => [];

    protected abstract IResult Deny(TRequest request);

    protected abstract Task<IResult> ApproveAsync(TRequest request, string account, CancellationToken ct);

    /// <returns>The account the seller typed, or null when it is not one.</returns>
    protected virtual string? Account(string typed) => ConsentPage.IsValidAccount(typed) ? typed : null;

    public async Task<IResult> ShowAsync(HttpRequest request, CancellationToken ct)
    {
        journal.Request(MarketplaceId, "authorize");
        var parameters = ConsentParameters.Read(request.Query, Parameters);
        var (consent, problem) = await CheckAsync(parameters, ct);
        return problem ?? ConsentPage.Render(PageTitle, DefaultAccount, Scopes(consent!), request.PathBase + request.Path, parameters.Present);
    }

    public async Task<IResult> DecideAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType) return ConsentPage.Error(MarketplaceName, "The consent form was not posted.");
        var form = await request.ReadFormAsync(ct);
        var (consent, problem) = await CheckAsync(ConsentParameters.Read(form, Parameters), ct);
        if (problem is not null) return problem;
        if (form["decision"] != "approve") return Deny(consent!);
        if (Account(form[ConsentPage.AccountField].ToString()) is not { } account)
            return ConsentPage.Error(MarketplaceName, "A sandbox account is 3 to 30 lower-case letters, digits or dashes.");
        return await ApproveAsync(consent!, account, ct);
    }
}
