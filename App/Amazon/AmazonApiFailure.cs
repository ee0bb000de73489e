using Marketplaces.Connections;

namespace Marketplaces.Amazon;

/// <summary>SP-API errors (<c>{"errors":[{code, message, details}]}</c>, amazon.md §3).</summary>
public static class AmazonApiFailure
{
    public static readonly ErrorListFailure Errors = new("Amazon", "code", "details");
}
