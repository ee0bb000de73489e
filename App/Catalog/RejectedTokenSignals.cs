namespace Marketplaces.Catalog;

/// <summary>
/// How a marketplace's API says the access token is no longer good (catalog <c>rejectedToken</c>); such an answer
/// renews the token once and repeats the call. By default any 401 (RFC 6750). Amazon SP-API answers 403
/// <c>Unauthorized</c> instead, with the same code for a call the app's roles do not cover, so the body tells them apart.
/// </summary>
public sealed class RejectedTokenSignals
{
    public int Status { get; set; } = 401;

    /// <summary>Error codes of which the body must carry one as a JSON string; none: the status alone says it.</summary>
    public List<string> BodyCodes { get; set; } = [];

    /// <summary>Text the body must also contain, in any case (Amazon: "access token", which a role denial does not name).</summary>
    public string? BodyText { get; set; }

    /// <summary>Whether an answer with <see cref="Status"/> needs its body read to tell.</summary>
    public bool ReadsBody => BodyCodes.Count > 0 || BodyText is not null;

    public bool Matches(int status, string? body) =>
        status == Status
        && (BodyCodes.Count == 0 || (body is not null && BodyCodes.Any(code => body.Contains($"\"{code}\"", StringComparison.Ordinal))))
        && (BodyText is null || (body is not null && body.Contains(BodyText, StringComparison.OrdinalIgnoreCase)));
}
