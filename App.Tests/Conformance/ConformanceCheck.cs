namespace Marketplaces.Tests.Conformance;

/// <summary>One call checked against the OpenAPI files of the sandbox API its URL falls under.</summary>
public static class ConformanceCheck
{
    /// <summary>The API and what the call breaks; null when the URL is under none of the <see cref="SandboxApi.All"/>.</summary>
    public static (SandboxApi Api, IReadOnlyList<string> Violations)? Of(ApiRequest request, ApiResponse response)
    {
        if (SandboxApi.For(request.Url) is not ({ } api, { } path)) return null;
        if (api.Find(request.Method, path) is not ({ } operation, { } pathValues))
            return (api, [$"no operation of {string.Join(", ", api.Specs.Select(s => s.File))} is {request.Method} {path}"]);
        var sent = RequestCheck.Violations(operation, pathValues, request).Where(v => !api.Deviates($"request {v}"));
        return (api, [.. sent, .. ResponseCheck.Violations(api, operation, response)]);
    }
}
