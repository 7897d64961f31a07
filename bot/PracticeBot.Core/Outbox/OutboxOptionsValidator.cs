using Microsoft.Extensions.Options;

namespace PracticeBot.Core.Outbox;

/// <summary>Rejects settings the worker cannot run with, naming the configuration key at fault.</summary>
public sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var failures = new List<string>();
        RequirePositive(failures, nameof(OutboxOptions.PollInterval), options.PollInterval);
        RequirePositive(failures, nameof(OutboxOptions.LeaseDuration), options.LeaseDuration);
        RequirePositive(failures, nameof(OutboxOptions.BaseDelay), options.BaseDelay);
        RequirePositive(failures, nameof(OutboxOptions.MaxDelay), options.MaxDelay);
        RequirePositive(failures, nameof(OutboxOptions.GiveUpAfter), options.GiveUpAfter);
        if (options.BatchSize < 1)
        {
            failures.Add($"{Key(nameof(OutboxOptions.BatchSize))} must be at least 1");
        }

        if (options.MaxUnfinishedAttempts < 1)
        {
            failures.Add($"{Key(nameof(OutboxOptions.MaxUnfinishedAttempts))} must be at least 1");
        }

        if (options.MaxDelay < options.BaseDelay)
        {
            failures.Add($"{Key(nameof(OutboxOptions.MaxDelay))} must not be less than {Key(nameof(OutboxOptions.BaseDelay))}");
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

    private static string Key(string property) => $"{OutboxOptions.SectionName}:{property}";
}
