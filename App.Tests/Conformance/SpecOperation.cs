using Microsoft.OpenApi;

namespace Marketplaces.Tests.Conformance;

/// <summary>An operation of an <see cref="OpenApiSpec"/>: its method, its path template and everything it declares.</summary>
public sealed class SpecOperation(OpenApiSpec spec, HttpMethod method, string template, OpenApiOperation operation, IReadOnlyList<IOpenApiParameter> parameters)
{
    private readonly string[] _segments = template.Split('/');

    public OpenApiSpec Spec { get; } = spec;
    public HttpMethod Method { get; } = method;
    public string Template { get; } = template;
    public OpenApiOperation Operation { get; } = operation;

    /// <summary>Path-level and operation-level parameters together.</summary>
    public IReadOnlyList<IOpenApiParameter> Parameters { get; } = parameters;

    public string Name => Operation.OperationId ?? $"{Method} {Template}";

    /// <summary>How many of the template's segments are literal: the most literal of several matches wins.</summary>
    public int LiteralSegments => _segments.Count(s => !IsVariable(s));

    /// <summary>The path parameters' values when <paramref name="path"/> (as sent, percent-encoded) fits the template, else null.</summary>
    public Dictionary<string, string>? Match(string path)
    {
        var segments = path.Split('/');
        if (segments.Length != _segments.Length) return null;
        var values = new Dictionary<string, string>();
        for (var i = 0; i < segments.Length; i++)
        {
            if (IsVariable(_segments[i]))
            {
                if (segments[i].Length == 0) return null;
                values[_segments[i][1..^1]] = Uri.UnescapeDataString(segments[i]);
            }
            else if (_segments[i] != segments[i])
            {
                return null;
            }
        }
        return values;
    }

    private static bool IsVariable(string segment) => segment.StartsWith('{') && segment.EndsWith('}');
}
