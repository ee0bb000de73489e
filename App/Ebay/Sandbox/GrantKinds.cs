namespace Marketplaces.Ebay.Sandbox;

/// <summary>
/// Kinds of <see cref="Marketplaces.Sandbox.SandboxGrant"/> an OAuth emulator issues. Used by the Amazon emulator
/// too; it belongs in App/Sandbox once the toolkit takes it.
/// </summary>
public static class GrantKinds
{
    public const string Code = "code";
    public const string AccessToken = "access";
    public const string RefreshToken = "refresh";
}
