using Marketplaces.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Secrets;

public sealed class KeyRingTests
{
    [Fact]
    public async Task Ciphertext_written_before_a_restart_decrypts_after_it()
    {
        var first = new AppFactory();
        await first.InitializeAsync();
        var ciphertext = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("a token");
        await first.DisposeAsync();

        await using var second = new AppFactory().Reusing(first);
        await second.InitializeAsync();
        Assert.Equal("a token", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(ciphertext));
    }

    [Fact]
    public async Task The_key_ring_lives_outside_the_database_owner_only()
    {
        await using var app = new AppFactory();
        await app.InitializeAsync();
        var keys = Path.Combine(app.DataDirectory, "keys");
        Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
    }

    [Fact]
    public async Task A_missing_key_ring_with_existing_ciphertext_stops_start_up_with_a_clear_message()
    {
        var first = new AppFactory();
        await first.InitializeAsync();
        await first.DisposeAsync();
        Directory.Delete(Path.Combine(first.DataDirectory, "keys"), recursive: true);

        await using var second = new AppFactory().Reusing(first);
        var error = await Assert.ThrowsAsync<Marketplaces.Hosting.StartupRefusal>(second.InitializeAsync);
        Assert.Contains("cannot decrypt the secrets stored in this database", error.Message);
        Assert.Contains("Restore the keys folder", error.Message);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("foreign")]
    public async Task A_process_whose_key_ring_cannot_read_the_database_says_why_and_exits_non_zero(string keyRing)
    {
        var first = new AppFactory();
        await first.InitializeAsync();
        await first.DisposeAsync();
        var keys = Path.Combine(first.DataDirectory, "keys");
        Directory.Delete(keys, recursive: true);
        if (keyRing == "foreign")
        {
            await using var other = new AppFactory();
            await other.InitializeAsync();
            Directory.CreateDirectory(keys);
            foreach (var key in Directory.GetFiles(Path.Combine(other.DataDirectory, "keys"))) File.Copy(key, Path.Combine(keys, Path.GetFileName(key)));
        }

        var exit = await AppProcess.RunToExitAsync(new Dictionary<string, string>
        {
            ["DataDirectory"] = first.DataDirectory,
            ["Urls"] = "http://127.0.0.1:0",
        }, TimeSpan.FromSeconds(60));

        Assert.Equal(2, exit.Code);
        Assert.StartsWith("Marketplaces did not start: The key ring in", exit.Errors);
        Assert.Contains("Restore the keys folder", exit.Errors);
        Assert.DoesNotContain("   at ", exit.Errors);
        Assert.DoesNotContain("Unhandled exception", exit.Errors + exit.Output);
        Assert.DoesNotContain("Now listening", exit.Output);
    }
}

public sealed class EncryptedKeyRingTests
{
    [Fact]
    public async Task A_configured_certificate_encrypts_the_key_ring_at_rest_and_silences_the_warning()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=marketplaces-key-ring", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(TestPostgres.Root, $"key-ring-{Guid.NewGuid():N}.pfx");
        Directory.CreateDirectory(TestPostgres.Root);
        await File.WriteAllBytesAsync(path, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "pfx-password"));

        await using var app = new AppFactory().With("DataProtection:CertificatePath", path).With("DataProtection:CertificatePassword", "pfx-password");
        await app.InitializeAsync();
        var ciphertext = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("a token");

        var keyFile = await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(app.DataDirectory, "keys"), "key-*.xml").Single());
        Assert.Contains("encryptedSecret", keyFile);
        // Unencrypted, the master key is written in a <value> element; encrypted, only ciphertext is.
        Assert.DoesNotContain("<value>", keyFile, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("not encrypted at rest"));
        Assert.Equal("a token", app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(ciphertext));
    }

    [Fact]
    public async Task Without_a_certificate_the_log_warns_that_the_key_ring_is_unencrypted()
    {
        await using var app = new AppFactory();
        await app.InitializeAsync();
        Assert.Single(app.Logs.Lines, l => l.Contains("is not encrypted at rest"));
    }
}
