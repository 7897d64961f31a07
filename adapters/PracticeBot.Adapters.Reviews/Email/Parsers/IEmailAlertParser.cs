using PracticeBot.Core.Reviews.Sources;

namespace PracticeBot.Adapters.Reviews.Email.Parsers;

/// <summary>
/// Turns one review site's alert e-mail into a review. One parser per sender; the sender's address picks it, so a
/// parser only ever sees its own site's alerts.
/// </summary>
public interface IEmailAlertParser
{
    /// <summary>The review's source: healthgrades, vitals, ratemds, zocdoc, google.</summary>
    string Source { get; }

    /// <summary>True when <paramref name="address"/> (lower-case) is one the site sends its review alerts from.</summary>
    bool Sends(string address);

    AlertParse Parse(AlertText alert);
}

/// <summary>A review, or why the message could not be read as one (in words for staff, without its content).</summary>
public sealed record AlertParse(SourcedReview? Review, string? Problem)
{
    public static AlertParse Fail(string problem) => new(null, problem);
}
