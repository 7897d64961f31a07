using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Host.Security;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Security;

/// <summary>One Data Protection key ring for every instance, kept in the database; encrypted at rest when a certificate is configured.</summary>
public sealed class KeyRingTests
{
    private const string Purpose = "PracticeBot.Tests.KeyRing";

    [Fact]
    public async Task Protect_OnOneHostUnprotectOnAnotherOnTheSameSqliteFile_RoundTrips()
    {
        using var file = new TempDatabaseFile();
        await using var a = new BotFactory(BotFactory.Sqlite(file.Path, ("Demo:Enabled", "false")));
        var protectedText = Protector(a).Protect("a secret only the key ring can read");
        await using var b = new BotFactory(BotFactory.Sqlite(file.Path, ("Demo:Enabled", "false")));

        var revealed = Protector(b).Unprotect(protectedText);

        Assert.Equal("a secret only the key ring can read", revealed);
        Assert.Contains("<key id=", await RawRows.ReadAsync(b.Services, "data_protection_keys"), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Start_TwoHostsAtOnceOnAnEmptyPostgres_OneKeyAndEachUnprotectsTheOthers()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await using var a = new BotFactory(BotFactory.Postgres(database, ("Demo:Enabled", "false")));
            await using var b = new BotFactory(BotFactory.Postgres(database, ("Demo:Enabled", "false")));
            await Task.WhenAll(Task.Run(() => a.Services), Task.Run(() => b.Services));
            var fromA = Protector(a).Protect("written by a");
            var fromB = Protector(b).Protect("written by b");

            var (readByB, readByA) = (Protector(b).Unprotect(fromA), Protector(a).Unprotect(fromB));

            Assert.Equal(("written by a", "written by b"), (readByB, readByA));
            var keys = await RawRows.ReadAsync(a.Services, "data_protection_keys");
            Assert.Single(keys.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task KeyRing_WithCertificate_StoresKeysEncryptedAndAnotherHostWithTheCertificateReadsThem()
    {
        using var file = new TempDatabaseFile();
        var pfx = Path.Combine(Path.GetDirectoryName(file.Path)!, "..", "keys.pfx");
        WriteCertificate(pfx, "pfx-password");
        (string, string?)[] settings = [("Demo:Enabled", "false"), ("DataProtection:CertificatePath", pfx), ("DataProtection:CertificatePassword", "pfx-password")];
        await using var a = new BotFactory(BotFactory.Sqlite(file.Path, settings));
        var protectedText = Protector(a).Protect("encrypted under a certificate");
        await using var b = new BotFactory(BotFactory.Sqlite(file.Path, settings));

        var revealed = Protector(b).Unprotect(protectedText);
        var keys = await RawRows.ReadAsync(b.Services, "data_protection_keys");

        Assert.Equal("encrypted under a certificate", revealed);
        Assert.Contains("EncryptedData", keys, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", keys, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CertificateFileMissing_FailsNamingTheKey()
    {
        var result = new KeyRingOptionsValidator().Validate(null, new KeyRingOptions { CertificatePath = "/nonexistent/keys.pfx" });

        Assert.True(result.Failed);
        Assert.Contains("DataProtection:CertificatePath", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WrongCertificatePassword_FailsNamingTheKeys()
    {
        using var folder = new TempDatabaseFile();
        var pfx = Path.Combine(Path.GetDirectoryName(folder.Path)!, "..", "keys.pfx");
        WriteCertificate(pfx, "right");

        var result = new KeyRingOptionsValidator().Validate(null, new KeyRingOptions { CertificatePath = pfx, CertificatePassword = "wrong" });

        Assert.True(result.Failed);
        Assert.Contains("DataProtection:CertificatePassword", result.FailureMessage, StringComparison.Ordinal);
    }

    private static IDataProtector Protector(BotFactory factory) =>
        factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    private static void WriteCertificate(string path, string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=PracticeBot key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
    }
}
