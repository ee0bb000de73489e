using System.Security.Cryptography;
using Marketplaces.Database;
using Marketplaces.Settings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Secrets;

/// <summary>
/// At start-up, proves the key ring can read what the database holds: a canary encrypted at first start must
/// still decrypt. A lost or foreign key ring stops the app with a message that says so, instead of every
/// decrypt failing later.
/// </summary>
public sealed partial class KeyRingCheck(
    IDbContextFactory<AppDbContext> contexts, IDataProtectionProvider protection, KeyRingInfo keyRing,
    ILogger<KeyRingCheck> logger) : IHostedService
{
    private const string CanaryKey = "data-protection-canary";
    private const string CanaryText = "marketplaces key ring canary";
    private readonly IDataProtector _protector = protection.CreateProtector("Marketplaces.KeyRingCanary");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!keyRing.EncryptedAtRest) LogUnencrypted(logger, keyRing.Directory);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var canary = await db.Settings.SingleOrDefaultAsync(s => s.Key == CanaryKey, cancellationToken);
        if (canary is null)
        {
            db.Settings.Add(new StoredSetting
            {
                Key = CanaryKey, Value = _protector.Protect(CanaryText), IsProtected = true, UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        try
        {
            if (_protector.Unprotect(canary.Value) == CanaryText) return;
        }
        catch (CryptographicException)
        {
        }
        var message =
            $"The key ring in {keyRing.Directory} cannot decrypt the secrets stored in this database: it is missing or " +
            "belongs to another installation. Restore the keys folder from the same backup as the database. " +
            "Marketplace connections would otherwise have to be connected again.";
        LogKeyRingMismatch(logger, message);
        throw new Hosting.StartupRefusal(message);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "The DataProtection key ring in {Directory} is not encrypted at rest. Set DataProtection:CertificatePath to encrypt it with a certificate.")]
    private static partial void LogUnencrypted(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Message}")]
    private static partial void LogKeyRingMismatch(ILogger logger, string message);
}
