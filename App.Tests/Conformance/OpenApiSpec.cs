using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Marketplaces.Tests.Infrastructure;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Marketplaces.Tests.Conformance;

/// <summary>
/// One OpenAPI file from <c>Specs/</c> (copies of the official files in shared/specs), loaded once per test run:
/// its operations with paths as the server sees them (the server URL's path, e.g. eBay's <c>/sell/fulfillment/v1</c>,
/// before the spec's path) and its named schemas. Swagger 2.0 files arrive in the same OpenAPI 3 model.
/// </summary>
public sealed partial class OpenApiSpec
{
    private static readonly ConcurrentDictionary<string, Lazy<OpenApiSpec>> Loaded = new();

    private OpenApiSpec(string file)
    {
        File = file;
        var path = System.IO.Path.Combine(RepositoryRoot.Path, "App.Tests", "Conformance", "Specs", file);
        var result = OpenApiDocument.Load(new MemoryStream(System.IO.File.ReadAllBytes(path)), "json", new OpenApiReaderSettings());
        Document = result.Document ?? throw new InvalidOperationException($"{file} did not load: {string.Join("; ", result.Diagnostic?.Errors.Select(e => e.Message) ?? [])}");
        IsSwagger2 = result.Diagnostic?.SpecificationVersion == OpenApiSpecVersion.OpenApi2_0;
        var prefix = ServerPath(Document.Servers?.FirstOrDefault());
        Operations =
        [
            .. from item in Document.Paths
               from operation in item.Value.Operations ?? []
               select new SpecOperation(this, operation.Key, prefix + item.Key, operation.Value, Parameters(item.Value, operation.Value)),
        ];
    }

    /// <summary>The file under <c>Specs/</c>, e.g. <c>ebay/sell_fulfillment_v1_oas3.json</c>.</summary>
    public string File { get; }

    public OpenApiDocument Document { get; }

    /// <summary>Swagger 2.0: query arrays without a collectionFormat are comma-separated (its default, csv).</summary>
    public bool IsSwagger2 { get; }

    public IReadOnlyList<SpecOperation> Operations { get; }

    public static OpenApiSpec Load(string file) => Loaded.GetOrAdd(file, f => new Lazy<OpenApiSpec>(() => new OpenApiSpec(f))).Value;

    public IOpenApiSchema Schema(string name) =>
        Document.Components?.Schemas is { } schemas && schemas.TryGetValue(name, out var schema)
            ? schema
            : throw new ArgumentException($"{File} has no schema {name}", nameof(name));

    /// <summary>The path part of the first server URL, its variables at their defaults ("" for a bare host).</summary>
    private static string ServerPath(OpenApiServer? server)
    {
        if (server?.Url is not { } url) return "";
        url = ServerVariable().Replace(url, m => server.Variables is { } variables && variables.TryGetValue(m.Groups[1].Value, out var v) ? v.Default ?? "" : "");
        return new Uri(url, UriKind.Absolute).AbsolutePath.TrimEnd('/');
    }

    /// <summary>The path item's parameters, each replaced by the operation's own of the same name and location.</summary>
    private static List<IOpenApiParameter> Parameters(IOpenApiPathItem item, OpenApiOperation operation)
    {
        var own = operation.Parameters ?? [];
        return [.. (item.Parameters ?? []).Where(p => !own.Any(o => o.Name == p.Name && o.In == p.In)).Concat(own)];
    }

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex ServerVariable();
}
