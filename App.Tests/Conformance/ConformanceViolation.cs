namespace Marketplaces.Tests.Conformance;

/// <summary>One way a call broke its marketplace's OpenAPI files. Never carries header values.</summary>
public sealed record ConformanceViolation(string Marketplace, string Method, string Path, int Status, string Message)
{
    public override string ToString() => $"{Marketplace} {Method} {Path} → {Status}: {Message}";
}
