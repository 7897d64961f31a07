using Microsoft.Extensions.Options;

namespace PracticeBot.Core.Inbox;

/// <summary>Rejects settings the inbox worker cannot run with, naming the configuration key at fault.</summary>
public sealed class InboxOptionsValidator : IValidateOptions<InboxOptions>
{
    public ValidateOptionsResult Validate(string? name, InboxOptions options)
    {
        var failures = new List<string>();
        RequirePositive(failures, nameof(InboxOptions.PollInterval), options.PollInterval);
        RequirePositive(failures, nameof(InboxOptions.LeaseDuration), options.LeaseDuration);
        RequirePositive(failures, nameof(InboxOptions.BaseDelay), options.BaseDelay);
        RequirePositive(failures, nameof(InboxOptions.MaxDelay), options.MaxDelay);
        RequireAtLeastOne(failures, nameof(InboxOptions.BatchSize), options.BatchSize);
        RequireAtLeastOne(failures, nameof(InboxOptions.Parallelism), options.Parallelism);
        RequireAtLeastOne(failures, nameof(InboxOptions.MaxAttempts), options.MaxAttempts);
        if (options.MaxDelay < options.BaseDelay)
        {
            failures.Add($"{Key(nameof(InboxOptions.MaxDelay))} must not be less than {Key(nameof(InboxOptions.BaseDelay))}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequirePositive(List<string> failures, string property, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{Key(property)} must be a positive duration");
        }
    }

    private static void RequireAtLeastOne(List<string> failures, string property, int value)
    {
        if (value < 1)
        {
            failures.Add($"{Key(property)} must be at least 1");
        }
    }

    private static string Key(string property) => $"{InboxOptions.SectionName}:{property}";
}
