using System.Net.Http.Headers;
using System.Text;

namespace Marketplaces.PrestaShop;

/// <summary>The webservice key is the Basic user with an empty password (prestashop.md §1, worked example G).</summary>
public static class PrestaShopAuthorization
{
    /// <remarks>The trailing colon matters: without it the store's decoder finds no user.</remarks>
    public static AuthenticationHeaderValue Basic(string webserviceKey) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(webserviceKey + ":")));
}
