namespace Marketplaces.Ebay.Sandbox;

/// <summary>
/// eBay's codes and tokens start with a version and flags (<c>v^1.1#i^1#…</c>, ebay.md §1.2); the characters ^ and #
/// must survive URL and form encoding, so emulated values carry the same kind of prefix.
/// </summary>
internal static class EbayTokenFormats
{
    public const string Code = "v^1.1#i^1#I^3#f^0#p^3#r^1#t^";
    public const string AccessToken = "v^1.1#i^1#f^0#p^3#I^3#r^0#t^";
    public const string RefreshToken = "v^1.1#i^1#p^3#I^3#f^0#r^1#t^";
}
