using System.Text.Json.Nodes;

namespace Marketplaces.AliExpress.Sandbox.Dropship;

/// <summary>What a business API answers: its body, which the gateway wraps as <c>{api}_response</c>, or a gateway error.</summary>
internal sealed record IopAnswer(JsonObject? Body, IopError? Failure)
{
    public static IopAnswer Success(JsonObject body) => new(body, null);
    public static IopAnswer Error(IopError error) => new(null, error);
}
