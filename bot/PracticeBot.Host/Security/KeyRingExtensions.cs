using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PracticeBot.Host.Security;

public static class KeyRingExtensions
{
    /// <summary>
    /// ASP.NET Core Data Protection for the whole host (bot tokens, webhook secrets, calendar tokens, the Slack OAuth
    /// state), configured here only: application name <c>PracticeBot</c>, keys in the database, encrypted with
    /// <c>DataProtection:CertificatePath</c> or <c>DataProtection:KeyFilePath</c> when set (required outside
    /// Development, see <see cref="KeyRingOptionsValidator"/>). Call after <c>AddStorage</c>: Data Protection reads its key ring
    /// in a hosted service at start, which must run after the database is migrated.
    /// </summary>
    public static WebApplicationBuilder AddKeyRing(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<KeyRingOptions>().BindConfiguration(KeyRingOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KeyRingOptions>, KeyRingOptionsValidator>());

        // Before AddDataProtection, whose own hosted service reads the ring at start: the first key exists by then.
        services.AddHostedService<KeyRingInitializer>();
        var protection = services.AddDataProtection().SetApplicationName("PracticeBot");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceScopeFactory>((o, scopes) => o.XmlRepository = new DatabaseXmlRepository(scopes));
        var configured = builder.Configuration.GetSection(KeyRingOptions.SectionName).Get<KeyRingOptions>();
        if (KeyRingCertificate.TryLoad(configured) is { } certificate)
        {
            protection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        else if (configured?.KeyFilePath is { Length: > 0 } keyFile && KeyFile.TryRead(keyFile) is { Key: { } key })
        {
            services.Configure<KeyManagementOptions>(o => o.XmlEncryptor = new KeyFileXmlEncryptor(key));
        }

        // A file or certificate that cannot be used is left to the validator, which stops the start and names the key.

        return builder;
    }
}
