using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Marketplaces.AliExpress.Sandbox;

/// <summary>
/// A DS buyer account of the sandbox, named on the consent page; its ids are derived from the name, so the same name
/// is always the same account and two names are two accounts.
/// </summary>
internal sealed record AliExpressSandboxAccount(string Name)
{
    public const string DefaultName = "sandbox-buyer";

    public string UserId => Digits("user_id", 10);
    public string HavanaId => Digits("havana_id", 12);
    public string Account => $"{Name}@buyer.sandbox.example";
    public string UserNick => $"ae-{Name}";

    private string Digits(string purpose, int length)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{purpose}:{Name}"));
        var number = BitConverter.ToUInt64(hash) % (ulong)Math.Pow(10, length - 1);
        return "2" + number.ToString($"D{length - 1}", CultureInfo.InvariantCulture);
    }
}
