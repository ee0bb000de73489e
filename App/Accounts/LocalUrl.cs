namespace Marketplaces.Accounts;

/// <summary>Keeps a return address on this site: a relative path, never another host (open-redirect guard).</summary>
public static class LocalUrl
{
    public static string OrHome(string? url)
    {
        if (string.IsNullOrEmpty(url)) return "/";
        var path = url.StartsWith('/') ? url : "/" + url;
        var isLocal = !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal)
            && Uri.IsWellFormedUriString(path, UriKind.Relative);
        return isLocal ? path : "/";
    }
}
