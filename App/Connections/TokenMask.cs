namespace Marketplaces.Connections;

/// <summary>What the UI shows of a secret: a few leading and trailing characters and the length, never the whole.</summary>
public static class TokenMask
{
    public static string Mask(string secret)
    {
        // Short secrets would be mostly revealed by 4 + 4 characters; show fewer the shorter they are.
        var shown = secret.Length >= 24 ? 4 : secret.Length >= 12 ? 2 : 0;
        return shown == 0
            ? $"•••• ({secret.Length} chars)"
            : $"{secret[..shown]}…{secret[^shown..]} ({secret.Length} chars)";
    }
}
