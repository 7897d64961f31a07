using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews.Privacy;

namespace PracticeBot.Core.Reviews.Suggestions;

/// <summary>
/// What a model is sent (pure): the rules, the practice's name, tone and contact line, and the review's rating and
/// text with the reviewer's name blanked out. Never the reviewer's name, the review's author field, who claimed it,
/// notes, history or anything else from our own records: the provider sees only what the public review already says.
/// </summary>
public static class ReplyPrompt
{
    public const string NamePlaceholder = "[name]";

    private const string Rules =
        """
        You write a short public reply from a medical practice to an online review. Rules, all mandatory:
        1. Never confirm or imply that the reviewer is or was a patient: no "your visit", "your appointment", "when you came in", "our records".
        2. Never mention any care, condition, test, procedure, medication, insurance, billing details or money.
        3. Never use a name (not the reviewer's, not a staff member's), a date, a day or a time.
        4. Take the conversation offline: end with the practice's contact line, as given.
        5. Do not argue, do not apologise for specific events, do not promise outcomes.
        Answer with the reply text only: no greeting line with a name, no signature, no quotes, no markdown.
        """;

    /// <summary>The first request: the rules as the system message, the practice and the review as the user's.</summary>
    public static List<ChatMessage> Build(Practice practice, Review review)
    {
        var settings = practice.Settings;
        var user = new StringBuilder()
            .Append("Practice: ").AppendLine(practice.Name)
            .Append("Tone: ").AppendLine(ReplyTones.Describe(settings.ReplyTone))
            .Append("Contact line (end with it): ").AppendLine(ReplyTemplates.ContactLineOf(settings))
            .Append("Rating: ").AppendLine(RatingOf(review))
            .AppendLine("Review:")
            .AppendLine(string.IsNullOrWhiteSpace(review.Text) ? "(no text)" : WithoutName(review.Text, review.Author));
        return [new ChatMessage(ChatRole.System, Rules), new ChatMessage(ChatRole.User, user.ToString())];
    }

    /// <summary>
    /// The retry: the findings of the privacy check, so the model knows what to leave out. The unsafe reply itself is
    /// not sent back (it may hold the name the model guessed or was told elsewhere), and a phrase that is the
    /// reviewer's name is blanked like the review's text.
    /// </summary>
    public static ChatMessage Feedback(PrivacyReport report, string? author)
    {
        var text = new StringBuilder(
            "Your previous reply cannot be published: it could disclose patient information. Write a new reply, following every rule, without these:");
        foreach (var finding in report.Findings.Where(f => f.Severity == PrivacySeverity.High))
        {
            text.Append("\n- \"").Append(WithoutName(finding.Phrase, author)).Append("\": ").Append(finding.Why).Append(" Instead: ").Append(finding.Instead);
        }

        return new ChatMessage(ChatRole.User, text.ToString());
    }

    /// <summary>
    /// Reviewers often sign their text; every word of the author's name is blanked so the name never leaves the bot.
    /// </summary>
    public static string WithoutName(string text, string? author)
    {
        foreach (var token in NameTokens(author))
        {
            text = Regex.Replace(text, $@"(?<!\w){Regex.Escape(token)}(?!\w)", NamePlaceholder,
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
        }

        return text;
    }

    private static IEnumerable<string> NameTokens(string? author) =>
        (author ?? "")
            .Split([' ', '.', ',', '-', '_', '(', ')', '"', '\'', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Where(t => t.Length >= 2 && t.Any(char.IsLetter))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(t => t.Length);

    private static string RatingOf(Review review) => review switch
    {
        { Rating: { } stars } => $"{stars.ToString(CultureInfo.InvariantCulture)} of 5 stars",
        { Recommendation: { Length: > 0 } r } => $"{r} recommendation",
        _ => "none",
    };
}
