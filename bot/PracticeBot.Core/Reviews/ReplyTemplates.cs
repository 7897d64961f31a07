using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews.Triage;

namespace PracticeBot.Core.Reviews;

/// <summary>
/// Starting points for a reply, chosen by the review's complaint category, else by its sentiment, in the practice's
/// tone (<c>practice set tone</c>) and ending with its contact line (<c>practice set contact</c>); a
/// practice can replace any of them (<c>practice set template &lt;key&gt; &lt;text&gt;</c>). They never use the
/// reviewer's name and never mention a visit or any care: a reply that confirms someone is a patient is a privacy
/// violation.
/// </summary>
public static class ReplyTemplates
{
    public const string Negative = "negative";
    public const string Positive = "positive";
    public const string Neutral = "neutral";

    /// <summary>The contact line of a practice that has not set its own.</summary>
    public const string DefaultContactLine = "Please call our office manager so we can talk it through.";

    /// <summary>Most replies end by inviting the reviewer to call; praise and a cleanliness note need no call.</summary>
    private sealed record Variants(string Warm, string Formal, string Brief, bool InvitesCall = true);

    private static readonly Dictionary<string, Variants> Texts = new()
    {
        [ComplaintCategories.WaitTime] = new(
            "Thank you for letting us know. Time is valuable, and we are working to keep waits short for everyone.",
            "Thank you for your feedback. We value our patients' time and are actively working to reduce waiting times.",
            "Thank you for the feedback; we are working to keep waits short."),
        [ComplaintCategories.FrontOffice] = new(
            "Thank you for this feedback. Courtesy matters to us, and we have shared these comments with our team.",
            "Thank you for your feedback. Courtesy is a standard we hold ourselves to, and these comments have been shared with our team.",
            "Thank you; we have shared this with our team."),
        [ComplaintCategories.Billing] = new(
            "Thank you for reaching out. We'd like to help with any questions.",
            "Thank you for contacting us. We would be glad to help with any questions.",
            "Thank you; we would like to help."),
        [ComplaintCategories.FollowUp] = new(
            "Thank you for your feedback. Timely communication is important to us, and we are reviewing how we return calls.",
            "Thank you for your feedback. Timely communication is important to us, and we are reviewing how we return calls.",
            "Thank you; we are reviewing how we return calls."),
        [ComplaintCategories.UnnecessaryTests] = new(
            "Thank you for sharing these concerns. We are glad to talk through any questions about how we work.",
            "Thank you for sharing these concerns. We would welcome the opportunity to discuss any questions about how we work.",
            "Thank you for sharing this; we are glad to talk it through."),
        [ComplaintCategories.NotListened] = new(
            "Thank you for telling us. Everyone deserves to feel heard, and we have shared this with our team.",
            "Thank you for your feedback. Everyone deserves to be heard, and this has been shared with our team.",
            "Thank you; everyone deserves to feel heard."),
        [ComplaintCategories.MedicalOpinion] = new(
            "Thank you for your feedback. We welcome questions and conversations.",
            "Thank you for your feedback. We welcome questions and would be glad to connect you with the right person.",
            "Thank you; we welcome questions."),
        [ComplaintCategories.Scheduling] = new(
            "Thank you for the feedback. We are always working to make it easier to reach us and find a time that works.",
            "Thank you for your feedback. We are continually working to make it easier to reach us and to find a convenient time.",
            "Thank you; we are working to make us easier to reach."),
        [ComplaintCategories.Cleanliness] = new(
            "Thank you for pointing this out. A clean, comfortable office matters to us, and we have shared this with our team.",
            "Thank you for bringing this to our attention. A clean and comfortable office is a priority, and this has been shared with our team.",
            "Thank you; we have shared this with our team.",
            InvitesCall: false),
        [Negative] = new(
            "Thank you for taking the time to share this. We take every concern seriously and would like to understand what happened.",
            "Thank you for taking the time to share your feedback. We take every concern seriously and would like to understand more.",
            "Thank you for sharing this; we take every concern seriously."),
        [Positive] = new(
            "Thank you for your kind words! Our team works hard to make everyone feel welcome, and we're glad to hear it.",
            "Thank you for your kind words. Our team is committed to making everyone feel welcome, and we appreciate your feedback.",
            "Thank you for the kind words!",
            InvitesCall: false),
        [Neutral] = new(
            "Thank you for your feedback. We're always working to improve, and we'd welcome the chance to hear more.",
            "Thank you for your feedback. We are always working to improve and would welcome the opportunity to hear more.",
            "Thank you for the feedback."),
    };

    /// <summary>The built-in templates as a practice sees them by default: warm, with the default contact line.</summary>
    public static readonly IReadOnlyDictionary<string, string> BuiltIn =
        Texts.ToDictionary(t => t.Key, t => Compose(t.Value.Warm, t.Value.InvitesCall, DefaultContactLine));

    /// <summary>The keys a practice can set: each complaint category, and negative / positive / neutral.</summary>
    public static IReadOnlyCollection<string> Keys => (IReadOnlyCollection<string>)BuiltIn.Keys;

    /// <summary>The template of a review: the practice's own for its key if it has one, else the built-in one in its tone.</summary>
    public static string For(Review review, PracticeSettings? settings = null)
    {
        var key = KeyOf(review);
        if (settings?.ReplyTemplates is { } own && own.TryGetValue(key, out var mine))
        {
            return mine;
        }

        var variants = Texts[key];
        var text = ReplyTones.Normalize(settings?.ReplyTone) switch
        {
            ReplyTones.Formal => variants.Formal,
            ReplyTones.Brief => variants.Brief,
            _ => variants.Warm,
        };
        return Compose(text, variants.InvitesCall, ContactLineOf(settings));
    }

    /// <summary>The practice's contact line, or the default one.</summary>
    public static string ContactLineOf(PracticeSettings? settings) =>
        string.IsNullOrWhiteSpace(settings?.ContactLine) ? DefaultContactLine : settings.ContactLine.Trim();

    /// <summary>The key a review's template is kept by: its first complaint category with a template, else its sentiment.</summary>
    public static string KeyOf(Review review)
    {
        foreach (var category in review.Categories.Append(review.Category).OfType<string>())
        {
            if (Texts.ContainsKey(category))
            {
                return category;
            }
        }

        return review switch
        {
            { IsNegative: true } => Negative,
            { Rating: >= 4 } or { Recommendation: "positive" } => Positive,
            _ => Neutral,
        };
    }

    private static string Compose(string text, bool invitesCall, string contactLine) =>
        invitesCall ? $"{text} {contactLine}" : text;
}
