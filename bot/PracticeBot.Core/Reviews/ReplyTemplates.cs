using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews.Triage;

namespace PracticeBot.Core.Reviews;

/// <summary>
/// Starting points for a reply, chosen by the review's complaint category, else by its sentiment; a practice can
/// replace any of them (<c>practice settings template &lt;key&gt; &lt;text&gt;</c>). They never use the reviewer's
/// name and never mention a visit or any care: a reply that confirms someone is a patient is a privacy violation.
/// </summary>
public static class ReplyTemplates
{
    public const string Negative = "negative";
    public const string Positive = "positive";
    public const string Neutral = "neutral";

    private const string CallUs = "Please call our office manager so we can talk it through.";

    public static readonly IReadOnlyDictionary<string, string> BuiltIn = new Dictionary<string, string>
    {
        [ComplaintCategories.WaitTime] =
            $"Thank you for letting us know. Time is valuable, and we are working to keep waits short for everyone. {CallUs}",
        [ComplaintCategories.FrontOffice] =
            $"Thank you for this feedback. Courtesy matters to us, and we have shared these comments with our team. {CallUs}",
        [ComplaintCategories.Billing] =
            "Thank you for reaching out. We'd like to help with any questions: please call our office manager, who can look into this directly.",
        [ComplaintCategories.FollowUp] =
            $"Thank you for your feedback. Timely communication is important to us, and we are reviewing how we return calls. {CallUs}",
        [ComplaintCategories.UnnecessaryTests] =
            $"Thank you for sharing these concerns. We are glad to talk through any questions about how we work. {CallUs}",
        [ComplaintCategories.NotListened] =
            $"Thank you for telling us. Everyone deserves to feel heard, and we have shared this with our team. {CallUs}",
        [ComplaintCategories.MedicalOpinion] =
            "Thank you for your feedback. We welcome questions and conversations: please call our office manager, who can connect you with the right person.",
        [ComplaintCategories.Scheduling] =
            $"Thank you for the feedback. We are always working to make it easier to reach us and find a time that works. {CallUs}",
        [ComplaintCategories.Cleanliness] =
            "Thank you for pointing this out. A clean, comfortable office matters to us, and we have shared this with our team.",
        [Negative] =
            $"Thank you for taking the time to share this. We take every concern seriously and would like to understand what happened. {CallUs}",
        [Positive] =
            "Thank you for your kind words! Our team works hard to make everyone feel welcome, and we're glad to hear it.",
        [Neutral] =
            "Thank you for your feedback. We're always working to improve, and we'd welcome the chance to hear more: please call our office manager.",
    };

    /// <summary>The keys a practice can set: each complaint category, and negative / positive / neutral.</summary>
    public static IReadOnlyCollection<string> Keys => (IReadOnlyCollection<string>)BuiltIn.Keys;

    public static string For(Review review, PracticeSettings? settings = null)
    {
        var own = settings?.ReplyTemplates ?? [];
        foreach (var category in review.Categories.Append(review.Category).OfType<string>())
        {
            if (own.TryGetValue(category, out var mine) || BuiltIn.TryGetValue(category, out mine))
            {
                return mine;
            }
        }

        var sentiment = review switch
        {
            { IsNegative: true } => Negative,
            { Rating: >= 4 } or { Recommendation: "positive" } => Positive,
            _ => Neutral,
        };
        return own.TryGetValue(sentiment, out var chosen) ? chosen : BuiltIn[sentiment];
    }
}
