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
    /// <c>DataProtection:CertificatePath</c> when set. Call after <c>AddStorage</c>: Data Protection reads its key ring
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
        if (KeyRingCertificate.TryLoad(builder.Configuration.GetSection(KeyRingOptions.SectionName).Get<KeyRingOptions>()) is { } certificate)
        {
            protection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        return builder;
    }
}
