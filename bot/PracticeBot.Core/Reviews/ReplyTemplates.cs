namespace PracticeBot.Core.Reviews;

/// <summary>
/// Starting points for a reply. They never use the reviewer's name and never mention a visit or any care: a reply
/// that confirms someone is a patient is a privacy violation, whatever the review itself says.
/// </summary>
public static class ReplyTemplates
{
    public static string For(Review review) => review switch
    {
        { IsNegative: true } =>
            "Thank you for taking the time to share this. We take every concern seriously and would like to understand " +
            "what happened. Please call our office manager so we can talk it through.",
        { Rating: >= 4 } or { Recommendation: "positive" } =>
            "Thank you for your kind words! Our team works hard to make everyone feel welcome, and we're glad to hear it.",
        _ =>
            "Thank you for your feedback. We're always working to improve, and we'd welcome the chance to hear more: " +
            "please call our office manager.",
    };
}
