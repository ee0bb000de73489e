namespace Marketplaces.Catalog;

/// <summary>
/// One marketplace as data: how it authorizes, where its endpoints are per environment, which app credentials it
/// needs, how long its tokens live. Loaded from Catalog/Data/{id}.json; every value can be overridden in
/// configuration under <c>Catalog:{id}</c>.
/// </summary>
public sealed class MarketplaceDefinition
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Logo { get; set; } = "";
    public AuthMode AuthMode { get; set; }
    public OAuthDefinition? OAuth { get; set; }

    /// <summary>What identifies the seller's account before connecting (shop domain, store URL, region), if anything.</summary>
    public AccountParameter? AccountParameter { get; set; }

    /// <summary>Keyed by <see cref="MarketplaceEnvironment"/> name: Production, MarketplaceSandbox, BuiltInSandbox.</summary>
    public Dictionary<string, EnvironmentEndpoints> Environments { get; set; } = new();

    /// <summary>The app credentials the owner registers with the marketplace (client id/secret, RuName…).</summary>
    public List<CredentialField> Credentials { get; set; } = [];

    public TokenLifetimes Lifetimes { get; set; } = new();

    /// <summary>What the card shows as the account (label for <c>AccountId</c>, e.g. "Seller ID", "Shop").</summary>
    public string AccountLabel { get; set; } = "Account";

    /// <summary>The marketplace's documented call limits; none for marketplaces that document none.</summary>
    public RateLimitDefinition RateLimits { get; set; } = new();

    public CarrierCodes Carriers { get; set; } = new();

    public RejectedTokenSignals RejectedToken { get; set; } = new();

    /// <summary>What the inbox says of the marketplace's buyer messages where the app reads none (no API, or none built).</summary>
    public string? MessagesNote { get; set; }

    /// <summary>
    /// Where the marketplace's product photos are served from, as Content-Security-Policy sources: pages show a supplier's
    /// photos from there before anything is imported.
    /// </summary>
    public List<string> ImageHosts { get; set; } = [];

    /// <summary>How the marketplace pushes changes to the app; none where it pushes nothing the app takes.</summary>
    public WebhookDefinition? Webhooks { get; set; }

    public EnvironmentEndpoints? Endpoints(MarketplaceEnvironment environment) =>
        Environments.GetValueOrDefault(environment.ToString());
}

public enum AuthMode
{
    /// <summary>OAuth 2 authorization code (with the variations the OAuth section describes).</summary>
    OAuth2,

    /// <summary>WooCommerce REST consumer key + secret, from the /wc-auth handshake or typed in.</summary>
    ConsumerKeys,

    /// <summary>PrestaShop webservice key.</summary>
    WebserviceKey,
}

public enum MarketplaceEnvironment
{
    Production,

    /// <summary>The marketplace's own sandbox (eBay, Amazon), with its own app keyset.</summary>
    MarketplaceSandbox,

    /// <summary>This app's built-in emulator under /sandbox/{id}.</summary>
    BuiltInSandbox,
}

public sealed class OAuthDefinition
{
    /// <summary>Name of the app id on the authorize URL: client_id, client_key (TikTok), application_id (Amazon).</summary>
    public string ClientIdParameter { get; set; } = "client_id";

    /// <summary>Which credential field holds that app id (Amazon's consent takes the application id, not the LWA client id).</summary>
    public string ClientIdCredential { get; set; } = "clientId";

    public bool SendResponseType { get; set; } = true;

    /// <summary>Null: scopes are not sent on the authorize URL (Amazon: roles come from the app registration).</summary>
    public string? ScopeParameter { get; set; } = "scope";

    public string ScopeSeparator { get; set; } = " ";
    public List<string> Scopes { get; set; } = [];
    public bool Pkce { get; set; }

    /// <summary>The authorization code's name on the callback: code, or spapi_oauth_code (Amazon).</summary>
    public string CodeParameter { get; set; } = "code";

    /// <summary>Null: redirect_uri is our callback URL. Otherwise the credential whose value is sent (eBay's RuName).</summary>
    public string? RedirectUriCredential { get; set; }

    /// <summary>Whether redirect_uri goes on the authorize URL (Amazon: optional, we send it).</summary>
    public bool SendRedirectUri { get; set; } = true;

    public Dictionary<string, string> ExtraAuthorizeParameters { get; set; } = new();

    public TokenRequestStyle TokenRequestStyle { get; set; } = TokenRequestStyle.Form;
    public ClientAuthentication ClientAuthentication { get; set; } = ClientAuthentication.Body;

    /// <summary>Names of the client credentials in a token request body: client_id/client_secret, client_key (TikTok).</summary>
    public string TokenClientIdParameter { get; set; } = "client_id";

    public string TokenClientSecretParameter { get; set; } = "client_secret";

    /// <summary>Which credential is the client id on token requests, when not <see cref="ClientIdCredential"/> (Amazon: LWA clientId).</summary>
    public string? TokenClientIdCredential { get; set; }

    /// <summary>eBay wants the consented scopes again on every refresh.</summary>
    public bool SendScopesOnRefresh { get; set; }

    /// <summary>Whether the code exchange says grant_type=authorization_code (all but Shopify, whose libraries send none).</summary>
    public bool SendGrantTypeOnExchange { get; set; } = true;

    /// <summary>Whether the exchange repeats redirect_uri (all but Shopify).</summary>
    public bool SendRedirectUriOnExchange { get; set; } = true;

    public Dictionary<string, string> ExtraExchangeParameters { get; set; } = new();

    /// <summary>Form field carrying the token on revoke (TikTok: token).</summary>
    public string RevokeTokenParameter { get; set; } = "token";

    /// <summary>Callback query parameters kept as account identity (selling_partner_id, shop).</summary>
    public List<string> CallbackIdentityParameters { get; set; } = [];
}

public enum TokenRequestStyle
{
    /// <summary>application/x-www-form-urlencoded, RFC 6749.</summary>
    Form,

    /// <summary>application/json body (Shopify).</summary>
    Json,

    /// <summary>AliExpress IOP system interface: signed parameters, no client secret on the wire.</summary>
    IopSigned,
}

public enum ClientAuthentication
{
    /// <summary>Authorization: Basic base64(client id:secret) and nothing in the body (eBay).</summary>
    BasicHeader,

    /// <summary>client id and secret as body fields.</summary>
    Body,

    /// <summary>Public client: client id in the body, no secret at all (Etsy).</summary>
    ClientIdOnly,
}

public sealed class AccountParameter
{
    /// <summary>shop, store or region; substituted for {name} in endpoint templates after validation.</summary>
    public string Name { get; set; } = "";

    public string Label { get; set; } = "";
    public string? Hint { get; set; }

    /// <summary>Regular expression a typed value must match in full, per environment (Production also covers MarketplaceSandbox).</summary>
    public Dictionary<string, string> Patterns { get; set; } = new();

    /// <summary>For a choice (Amazon regions): value → label.</summary>
    public Dictionary<string, string>? Options { get; set; }
}

public sealed class EnvironmentEndpoints
{
    public string Label { get; set; } = "";
    public string AuthorizeUrl { get; set; } = "";
    public string TokenUrl { get; set; } = "";

    /// <summary>Only where refresh has its own endpoint (AliExpress); otherwise the token URL.</summary>
    public string? RefreshUrl { get; set; }

    public string? RevokeUrl { get; set; }
    public string ApiBaseUrl { get; set; } = "";

    /// <summary>Other named URLs one adapter needs (eBay's identity endpoint lives on another host), templates like the rest.</summary>
    public Dictionary<string, string> Urls { get; set; } = new();

    /// <summary>Region-specific overrides (Amazon): region → endpoints whose non-empty values win.</summary>
    public Dictionary<string, RegionEndpoints>? Regions { get; set; }
}

public sealed class RegionEndpoints
{
    public string? AuthorizeUrl { get; set; }
    public string? ApiBaseUrl { get; set; }
}

public sealed class CredentialField
{
    /// <summary>clientId, clientSecret, ruName, applicationId…; configuration key Marketplaces:{id}:{environment}:{Key}.</summary>
    public string Key { get; set; } = "";

    public string Label { get; set; } = "";
    public bool Secret { get; set; }
    public bool Optional { get; set; }
    public string? Hint { get; set; }

    /// <summary>A yes-or-no setting rather than a text: "true" when on, unset (or "false") when off.</summary>
    public bool YesNo { get; set; }

    /// <summary>
    /// What the built-in sandbox's app registration holds for this field when it is not a generated value; <c>{app}</c>
    /// stands for this app's own public address (e.g. a URL prefix the sandbox treats as verified for the app).
    /// </summary>
    public string? SandboxValue { get; set; }
}

public sealed class TokenLifetimes
{
    /// <summary>Access-token lifetime when the token response does not say.</summary>
    public int AccessTokenSeconds { get; set; }

    /// <summary>Refresh-token lifetime when the token response does not say; null when refresh tokens do not expire.</summary>
    public int? RefreshTokenSeconds { get; set; }

    /// <summary>How long a seller's authorization lasts before they must consent again (Amazon 365 days), if fixed.</summary>
    public int? AuthorizationDays { get; set; }

    /// <summary>Each refresh returns a new refresh token and the old one dies (Etsy, TikTok, Shopify, AliExpress).</summary>
    public bool RefreshTokenRotates { get; set; }

    /// <summary>Whether a refresh extends the refresh token's own lifetime.</summary>
    public bool RefreshExtendsRefreshToken { get; set; }

    /// <summary>Why the seller must authorize again by a date, as the fact sheet explains it (null: said from the fields above).</summary>
    public string? ReauthorizationNote { get; set; }

    /// <summary>Refresh at least this long before the access token expires (a quarter of its lifetime when that is longer).</summary>
    public int RefreshMarginSeconds { get; set; } = 600;

    public TimeSpan RefreshMargin => TimeSpan.FromSeconds(Math.Max(RefreshMarginSeconds, AccessTokenSeconds / 4));
}

/// <summary>
/// Call limits by operation group (an Amazon operation, an eBay API, one group for a whole marketplace). A group
/// the caller names but the catalog does not list falls back to <c>default</c>; without one it is a programming error.
/// </summary>
public sealed class RateLimitDefinition
{
    public const string DefaultGroup = "default";

    public Dictionary<string, OperationLimit> Groups { get; set; } = new();
    public ThrottleSignals Signals { get; set; } = new();
}

/// <summary>Any combination of a token bucket, short windows that are waited out and a daily quota that is not.</summary>
public sealed class OperationLimit
{
    /// <summary>Token bucket refill rate (Amazon's per-operation rate, Shopify's leak rate).</summary>
    public double? RatePerSecond { get; set; }

    /// <summary>Token bucket size; one when only a rate is given.</summary>
    public int? Burst { get; set; }

    /// <summary>Calls in any one second (Etsy QPS, AliExpress QPS).</summary>
    public int? PerSecond { get; set; }

    /// <summary>Calls in any one minute (TikTok's sliding window).</summary>
    public int? PerMinute { get; set; }

    public int? PerDay { get; set; }

    /// <summary>IANA time zone whose midnight resets <see cref="PerDay"/> (eBay: America/Los_Angeles); null for a rolling 24 hours (Etsy).</summary>
    public string? DayResetsIn { get; set; }

    public LimitScope Scope { get; set; } = LimitScope.Account;
}

public enum LimitScope
{
    /// <summary>Each seller account has its own allowance (Amazon per selling partner, TikTok per token, Shopify per shop).</summary>
    Account,

    /// <summary>All accounts share the app's allowance (eBay, Etsy, AliExpress).</summary>
    Application,
}

/// <summary>How a marketplace says "too many": always HTTP 429, plus what this lists.</summary>
public sealed class ThrottleSignals
{
    /// <summary>Header carrying the operation's current rate in requests per second (Amazon's x-amzn-RateLimit-Limit).</summary>
    public string? RateHeader { get; set; }

    /// <summary>Error codes that mean throttled in a body answered with another status (AliExpress ApiCallLimit, Shopify THROTTLED).</summary>
    public List<string> BodyCodes { get; set; } = [];

    /// <summary>How long to back off after a throttled answer that says neither Retry-After nor a rate.</summary>
    public int DefaultRetryAfterSeconds { get; set; } = 60;
}
