namespace Marketplaces.Sandbox;

/// <summary>Kinds of <see cref="SandboxGrant"/> an OAuth emulator issues.</summary>
public static class SandboxGrantKinds
{
    public const string Code = "code";
    public const string Access = "access";
    public const string Refresh = "refresh";
}
