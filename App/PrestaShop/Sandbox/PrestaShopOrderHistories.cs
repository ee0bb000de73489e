using System.Globalization;

namespace Marketplaces.PrestaShop.Sandbox;

/// <summary>The order state changes made through the webservice (order_histories), oldest first.</summary>
public sealed class PrestaShopOrderHistories(PrestaShopShopTime time)
{
    public static readonly string[] Fields = ["id_employee", "id_order_state", "id_order", "date_add"];

    private readonly List<PrestaShopRow> _rows = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<PrestaShopRow> Rows()
    {
        lock (_gate) return [.. _rows];
    }

    public IReadOnlyList<PrestaShopRow> Of(string orderId) => Rows().Where(r => r.Values["id_order"] == orderId).ToList();

    public int Add(string orderId, int state, DateTimeOffset at)
    {
        lock (_gate)
        {
            var id = _rows.Count + 1;
            _rows.Add(new PrestaShopRow(id, new Dictionary<string, string>
            {
                ["id_employee"] = "0", ["id_order_state"] = state.ToString(CultureInfo.InvariantCulture), ["id_order"] = orderId, ["date_add"] = time.Local(at),
            }));
            return id;
        }
    }
}
