namespace Marketplaces.Accounts;

public static class Roles
{
    /// <summary>Everything, including the jobs page, settings and user management.</summary>
    public const string Owner = "Owner";

    /// <summary>Daily work: dashboard, products, orders, uploads. No settings, jobs page or user management.</summary>
    public const string Staff = "Staff";
}
