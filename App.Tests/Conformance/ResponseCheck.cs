using Microsoft.OpenApi;

namespace Marketplaces.Tests.Conformance;

/// <summary>
/// A response against its operation: the status is declared (exactly, as <c>4XX</c>, or by <c>default</c>), a 204
/// has no body, required headers are there, and a body matches the declared media type and schema. A status that
/// declares no content leaves its body unchecked (eBay's errors are such), as does one of the
/// <see cref="SandboxApi.UndeclaredStatuses"/>; the API's <see cref="SandboxApi.KnownDeviations"/> are not reported.
/// </summary>
public static class ResponseCheck
{
    public static IReadOnlyList<string> Violations(SandboxApi api, SpecOperation operation, ApiResponse response)
    {
        var status = response.Status;
        var responses = operation.Operation.Responses ?? [];
        var declared = responses.GetValueOrDefault(status.ToString(System.Globalization.CultureInfo.InvariantCulture))
            ?? responses.GetValueOrDefault($"{status / 100}XX")
            ?? responses.GetValueOrDefault("default");
        if (declared is null)
            return api.UndeclaredStatuses.Contains(status) ? [] : [$"status {status} is not declared (declared: {string.Join(", ", responses.Keys)})"];
        if (status == 204) return response.Body.Length == 0 ? [] : ["status 204 has a body"];
        var violations = (declared.Headers ?? new Dictionary<string, IOpenApiHeader>())
            .Where(h => h.Value.Required && !response.HeaderNames.Contains(h.Key, StringComparer.OrdinalIgnoreCase))
            .Select(h => $"header {h.Key}: required, missing")
            .ToList();
        if (declared.Content is not { Count: > 0 } content) return violations;
        if (response.Body.Length == 0)
        {
            // A bare {type: object} (eBay's createShippingFulfillment 201) promises nothing an empty body breaks.
            if (content.Values.Any(m => m.Schema is { } s && (s.Properties is { Count: > 0 } || s.Required is { Count: > 0 } || s.Type != JsonSchemaType.Object)))
                violations.Add("body: missing");
            return violations;
        }
        violations.AddRange(BodyCheck.Violations(content, response.ContentType, response.Body).Where(v => !api.Deviates($"{status} {v}")));
        return violations;
    }
}
