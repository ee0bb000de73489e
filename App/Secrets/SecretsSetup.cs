using System.Security.Cryptography.X509Certificates;
using Marketplaces.Hosting;
using Microsoft.AspNetCore.DataProtection;

namespace Marketplaces.Secrets;

public static class SecretsSetup
{
    public const string ApplicationName = "Marketplaces";

    /// <summary>
    /// DataProtection with a fixed application name and its key ring in the data directory (owner-only), outside the
    /// database, so a copy of the database alone decrypts nothing. <c>DataProtection:CertificatePath</c> (and
    /// <c>DataProtection:CertificatePassword</c>) encrypt the key ring at rest.
    /// </summary>
    public static void AddSecrets(this WebApplicationBuilder builder, AppPaths paths)
    {
        OwnerOnly.CreateDirectory(paths.Keys);
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(paths.Keys));
        var certificatePath = builder.Configuration["DataProtection:CertificatePath"];
        var keyRingEncrypted = !string.IsNullOrWhiteSpace(certificatePath);
        if (keyRingEncrypted)
        {
            dataProtection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(
                certificatePath!, builder.Configuration["DataProtection:CertificatePassword"]));
        }
        builder.Services.AddSingleton(new KeyRingInfo(paths.Keys, keyRingEncrypted));
        builder.Services.AddHostedService<KeyRingCheck>();
    }
}

public sealed record KeyRingInfo(string Directory, bool EncryptedAtRest);
