namespace Marketplaces.TikTok.Sandbox;

/// <summary>The picture behind a sandbox user's <c>avatar_url</c>: a disc coloured from the open id.</summary>
internal static class TikTokAvatar
{
    public static IResult Render(string openId)
    {
        var colour = openId.Length >= 6 && openId[..6].All(Uri.IsHexDigit) ? openId[..6] : "888888";
        return Results.Content(
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\"><circle cx=\"50\" cy=\"50\" r=\"50\" fill=\"#{colour}\"/></svg>",
            "image/svg+xml");
    }
}
