namespace PracticeBot.Adapters.Teams.Protocol;

/// <summary>The activity types and invoke names the adapter handles.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string Invoke = "invoke";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string AdaptiveCardAction = "adaptiveCard/action";
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";
    public const string MessageContentType = "application/vnd.microsoft.activity.message";
}
