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

    [Fact]
    public async Task Start_InProductionWithoutKeyProtection_IsRefusedNamingTheKeys()
    {
        using var file = new TempDatabaseFile();
        await using var factory = new BotFactory(BotFactory.Sqlite(file.Path, ("Demo:Enabled", "false"), ("environment", "Production")));

        // What Program does before it runs the host (RunOrExplainAsync): the failures become the start-up message.
        var validator = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>();

        var failure = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(validator.Validate);

        Assert.Contains("DataProtection:KeyFilePath", failure.Message, StringComparison.Ordinal);
        Assert.Contains("DataProtection:CertificatePath", failure.Message, StringComparison.Ordinal);
        Assert.Contains("unencrypted", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyRing_InProductionWithKeyFile_StoresKeysEncryptedAndAnotherHostWithTheFileReadsThem()
    {
        using var file = new TempDatabaseFile();
        var keyFile = WriteKeyFile(file);
        (string, string?)[] settings = [("Demo:Enabled", "false"), ("environment", "Production"), ("DataProtection:KeyFilePath", keyFile)];
        await using var a = new BotFactory(BotFactory.Sqlite(file.Path, settings));
        var protectedText = Protector(a).Protect("encrypted under a key file");
        await using var b = new BotFactory(BotFactory.Sqlite(file.Path, settings));

        var revealed = Protector(b).Unprotect(protectedText);
        var keys = await RawRows.ReadAsync(b.Services, "data_protection_keys");

        Assert.Equal("encrypted under a key file", revealed);
        Assert.Contains("keyFileEncrypted", keys, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", keys, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyRing_EncryptedWithOneKeyFileReadWithAnother_CannotUnprotect()
    {
        using var file = new TempDatabaseFile();
        await using var a = new BotFactory(BotFactory.Sqlite(file.Path, ("Demo:Enabled", "false"), ("DataProtection:KeyFilePath", WriteKeyFile(file, "one.key"))));
        var protectedText = Protector(a).Protect("only the first key file opens this");
        await using var b = new BotFactory(BotFactory.Sqlite(file.Path, ("Demo:Enabled", "false"), ("DataProtection:KeyFilePath", WriteKeyFile(file, "two.key"))));

        Assert.ThrowsAny<CryptographicException>(() => Protector(b).Unprotect(protectedText));
    }

    [Fact]
    public void Validate_KeyFileNotBase64Of32Bytes_FailsNamingTheKey()
    {
        using var file = new TempDatabaseFile();
        var keyFile = Path.Combine(Path.GetDirectoryName(file.Path)!, "..", "short.key");
        File.WriteAllText(keyFile, Convert.ToBase64String(new byte[16]));

        var result = new KeyRingOptionsValidator().Validate(null, new KeyRingOptions { KeyFilePath = keyFile });

        Assert.True(result.Failed);
        Assert.Contains("DataProtection:KeyFilePath", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 32", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InDevelopmentWithoutKeyProtection_StartsAndWarns()
    {
        using var file = new TempDatabaseFile();
        var logs = new CapturedLogs();
        await using var factory = new BotFactory(
            BotFactory.Sqlite(file.Path, ("Demo:Enabled", "false")),
            s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs));

        var protectedText = Protector(factory).Protect("development keeps working");

        Assert.Equal("development keeps working", Protector(factory).Unprotect(protectedText));
        Assert.Contains(logs.Entries, e => e.Message.Contains("stored unencrypted", StringComparison.Ordinal));
    }

    private static string WriteKeyFile(TempDatabaseFile near, string name = "keyring.key")
    {
        var path = Path.Combine(Path.GetDirectoryName(near.Path)!, "..", name);
        File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n");
        return path;
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
