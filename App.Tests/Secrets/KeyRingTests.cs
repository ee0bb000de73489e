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

        await using var second = new AppFactory().With("ConnectionStrings:Main", first.ConnectionString).With("DataDirectory", first.DataDirectory);
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

        await using var second = new AppFactory().With("ConnectionStrings:Main", first.ConnectionString).With("DataDirectory", first.DataDirectory);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(second.InitializeAsync);
        Assert.Contains("cannot decrypt the secrets stored in this database", error.Message);
        Assert.Contains("Restore the keys folder", error.Message);
    }
}
