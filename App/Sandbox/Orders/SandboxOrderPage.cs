using System.Globalization;
using System.Net;
using System.Text;

namespace Marketplaces.Sandbox.Orders;

/// <summary>
/// The built-in sandbox's stand-in for a marketplace's own order page (the order detail links to it): the order, its
/// lines and the shipments that reached the marketplace, so a demo shows the pushed tracking on the other side.
/// </summary>
public static class SandboxOrderPage
{
    public static IResult Render(string marketplaceName, SandboxOrder? order)
    {
        if (order is null) return Results.Content("<!doctype html><title>Not found</title><p>No such order in this sandbox.</p>", "text/html", statusCode: 404);
        string E(object? value) => WebUtility.HtmlEncode(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
        var html = new StringBuilder($"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>{E(marketplaceName)} sandbox: order {E(order.Id)}</title></head>
            <body><h1>{E(marketplaceName)} sandbox: order {E(order.Id)}</h1>
            <p>Status: <strong id="status">{E(order.Status)}</strong>; buyer {E(order.BuyerName)}; total {E(order.Total)} {E(order.Currency)}</p>
            <table><thead><tr><th>SKU</th><th>Title</th><th>Quantity</th><th>Shipped</th></tr></thead><tbody>
            """);
        foreach (var line in order.Lines)
            html.Append($"<tr><td>{E(line.Sku)}</td><td>{E(line.Title)}</td><td>{line.Quantity}</td><td>{order.ShippedQuantity(line)}</td></tr>");
        html.Append("</tbody></table><h2>Shipments</h2><ul id=\"shipments\">");
        foreach (var shipment in order.Shipments)
            html.Append($"<li>{E(shipment.Carrier)} <span class=\"tracking\">{E(shipment.TrackingNumber)}</span>, shipped {shipment.ShippedAt:yyyy-MM-dd}</li>");
        html.Append("</ul></body></html>");
        return Results.Content(html.ToString(), "text/html");
    }
}
