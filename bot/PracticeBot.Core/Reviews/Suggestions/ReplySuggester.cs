using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews.Privacy;

namespace PracticeBot.Core.Reviews.Suggestions;

/// <summary>
/// Writes a suggested reply: from the model when one is configured (<see cref="IChatClient"/>, registered by the host
/// from <c>AI:*</c>), else from the templates. Whatever comes back passes the privacy check first: a High-risk model
/// answer is sent back once with the findings, and a second one falls back to the template. An unsafe text is
/// returned to nobody, saved nowhere and never logged; so is any safe one (it may quote the review).
/// </summary>
public sealed partial class ReplySuggester(
    IOptions<ReplySuggesterOptions> options,
    TimeProvider time,
    ILogger<ReplySuggester> logger,
    IChatClient? model = null)
{
    public const string NoAnswerNote = "The suggestion service did not answer; here is a template instead.";
    public const string TimeoutNote = "The suggestion service did not answer in time; here is a template instead.";
    public const string UnsafeNote = "The suggestion service twice wrote a reply that could disclose patient information; here is a template instead.";

    private static readonly ChatOptions Settings = new() { Temperature = 0.4f, MaxOutputTokens = 400 };

    public bool UsesModel => model is not null;

    /// <summary>The template suggestion alone (instant, offline): what a fresh reply form is pre-filled with.</summary>
    public static ReplySuggestion FromTemplate(Practice practice, Review review, string? note = null)
    {
        var text = ReplyTemplates.For(review, practice.Settings);
        var report = PrivacyCheck.Check(text, review.Author, practice.Name);
        if (report.IsHighRisk)
        {
            // A practice's own template that happens to hold a word of this reviewer's name: the built-in one has none.
            text = ReplyTemplates.For(review, new PracticeSettings { ReplyTone = practice.Settings.ReplyTone });
            report = PrivacyCheck.Check(text, review.Author, practice.Name);
        }

        return new ReplySuggestion(text, SuggestionSource.Template, report, note);
    }

    public async Task<ReplySuggestion> SuggestAsync(Practice practice, Review review, CancellationToken cancellationToken)
    {
        if (model is null)
        {
            return FromTemplate(practice, review);
        }

        using var budget = new CancellationTokenSource(options.Value.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        var messages = ReplyPrompt.Build(practice, review);
        try
        {
            for (var attempt = 1; attempt <= 2; attempt++)
            {
                var response = await model.GetResponseAsync(messages, Settings, linked.Token);
                var text = response.Text.Trim();
                if (text.Length is 0 or > DraftReply.MaxLength)
                {
                    LogUnusable(logger, attempt, text.Length);
                    return FromTemplate(practice, review, NoAnswerNote);
                }

                var report = PrivacyCheck.Check(text, review.Author, practice.Name);
                if (!report.IsHighRisk)
                {
                    LogSuggested(logger, attempt, text.Length);
                    return new ReplySuggestion(text, SuggestionSource.Model, report);
                }

                LogUnsafe(logger, attempt, report.Findings.Count);
                messages.Add(ReplyPrompt.Feedback(report, review.Author));
            }

            return FromTemplate(practice, review, UnsafeNote);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogTimedOut(logger, options.Value.Timeout);
            return FromTemplate(practice, review, TimeoutNote);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The type only: an error's message may quote the request.
            LogFailed(logger, ex.GetType().Name);
            return FromTemplate(practice, review, NoAnswerNote);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Suggested a reply from the model on attempt {Attempt} ({Length} characters)")]
    private static partial void LogSuggested(ILogger logger, int attempt, int length);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model's reply on attempt {Attempt} was High risk ({Findings} findings); not shown")]
    private static partial void LogUnsafe(ILogger logger, int attempt, int findings);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model's reply on attempt {Attempt} was unusable ({Length} characters); the template is used")]
    private static partial void LogUnusable(ILogger logger, int attempt, int length);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The suggestion service did not answer within {Timeout}; the template is used")]
    private static partial void LogTimedOut(ILogger logger, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The suggestion service failed ({Error}); the template is used")]
    private static partial void LogFailed(ILogger logger, string error);
}
