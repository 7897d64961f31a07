using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PracticeBot.Adapters.Reviews.Email;
using PracticeBot.Core.Reviews.Sources;

namespace PracticeBot.Host.Reviews.Sources.Email;

public static class EmailAlertsExtensions
{
    /// <summary>
    /// Review alert e-mails (<c>Sources:Email</c>): the parsers, the mailbox reader (a background service that does
    /// nothing unless <c>Sources:Email:Host</c> is set) and its line in <c>practice sources</c>. Validated at start.
    /// </summary>
    public static IServiceCollection AddEmailAlerts(this IServiceCollection services)
    {
        services.AddOptions<EmailSourceOptions>().BindConfiguration(EmailSourceOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailSourceOptions>, EmailSourceOptionsValidator>());
        services.TryAddSingleton(_ => new EmailAlertReader(EmailAlertReader.AllParsers));
        services.TryAddSingleton<EmailAlertStatus>();
        services.TryAddSingleton<EmailAlertIntake>();
        services.AddHostedService<EmailAlertListener>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IReviewSourceReport, EmailAlertsReport>());
        return services;
    }
}
