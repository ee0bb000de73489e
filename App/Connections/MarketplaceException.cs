namespace Marketplaces.Connections;

/// <summary>How a marketplace call failed, which decides what happens next.</summary>
public enum MarketplaceErrorKind
{
    /// <summary>The grant is gone (invalid_grant, revoked, expired refresh token): the seller must connect again.</summary>
    ReauthorizationRequired,

    /// <summary>Too many requests; retry after <see cref="MarketplaceException.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>Network failure, timeout or 5xx: try again later, nothing is wrong with the connection.</summary>
    Transient,

    /// <summary>The marketplace refused the request as made (bad client credentials, bad parameters, denied).</summary>
    Rejected,
}

/// <summary>
/// A failed marketplace call. Messages carry the marketplace's error code and description, never a token or secret.
/// </summary>
public sealed class MarketplaceException(
    MarketplaceErrorKind kind, string message, string? errorCode = null, TimeSpan? retryAfter = null, int? statusCode = null)
    : Exception(message)
{
    public MarketplaceErrorKind Kind { get; } = kind;
    public string? ErrorCode { get; } = errorCode;
    public TimeSpan? RetryAfter { get; } = retryAfter;
    public int? StatusCode { get; } = statusCode;
}
