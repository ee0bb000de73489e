using System.Globalization;

namespace Marketplaces.AliExpress.Sandbox;

/// <summary>
/// The parameters of one gateway call, from the query and the form body alike (the Java SDK puts system parameters
/// in the query, the Python SDK everything in the form), and the checks every call passes before its API runs.
/// </summary>
internal sealed class IopGatewayRequest
{
    private readonly Dictionary<string, string> _parameters = new(StringComparer.Ordinal);
    private string? _malformed;

    public string? this[string name] => _parameters.GetValueOrDefault(name);

    public static async Task<IopGatewayRequest> ReadAsync(HttpRequest http, CancellationToken ct)
    {
        var request = new IopGatewayRequest();
        request.Add(http.Query);
        if (http.HasFormContentType) request.Add(await http.ReadFormAsync(ct));
        return request;
    }

    /// <param name="apiPath">The system interface's path, signed as prefix; null on /sync, where <c>method</c> is signed instead.</param>
    public IopError? Verify(AliExpressSandboxApp app, string? apiPath, DateTimeOffset now)
    {
        if (_malformed is not null) return IopError.IncompleteSignature(_malformed);
        if (this["app_key"] != app.AppKey) return IopError.InvalidAppkey();
        if (this["sign_method"] != IopSigner.SignMethod) return IopError.IncompleteSignature("sign_method must be sha256");
        if (Timestamp(this["timestamp"], business: apiPath is null) is not { } timestamp || (now - timestamp).Duration() > AliExpressSandbox.TimestampWindow)
            return IopError.IncompleteSignature("timestamp must be epoch milliseconds within 7200 seconds of the server's time");
        if (this[IopSigner.SignParameter] is not { } sign || !IopSigner.Verify(app.AppSecret, apiPath, _parameters, sign))
            return IopError.IncompleteSignature("The request signature does not match");
        return null;
    }

    /// <summary>
    /// Epoch milliseconds, as both official SDKs send; on /sync also TOP's <c>yyyy-MM-dd HH:mm:ss</c> in GMT+8, which the
    /// reference accepts there (aliexpress.md §3).
    /// </summary>
    private static DateTimeOffset? Timestamp(string? text, bool business) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
        : business && DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, TimeSpan.FromHours(8))
            : null;

    private void Add(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> source)
    {
        foreach (var (name, values) in source)
        {
            if (values.Count != 1 || _parameters.ContainsKey(name)) _malformed ??= $"Parameter '{name}' is sent more than once";
            else if (string.IsNullOrWhiteSpace(values[0])) _malformed ??= $"Parameter '{name}' is empty; empty parameters must not be sent";
            else _parameters[name] = values[0]!;
        }
    }
}
