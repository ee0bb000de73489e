namespace Marketplaces.Orders.Shipping;

/// <summary>Carriers offered as the seller types; any other name can be entered and each marketplace maps it its own way.</summary>
public static class Carriers
{
    public static readonly string[] Common = ["USPS", "UPS", "FedEx", "DHL", "Royal Mail", "Canada Post", "Australia Post", "DPD", "Deutsche Post", "La Poste"];
}
