namespace PracticeBot.Adapters.Slack.Install;

/// <summary>
/// The bot scopes the code uses, and nothing more. The manifest declares the same list (a test compares them).
/// </summary>
public static class SlackScopes
{
    public static readonly IReadOnlyList<string> Bot =
    [
        "app_mentions:read", // app_mention events
        "channels:history", // conversations.history: finding a post whose answer was lost before posting it again
        "channels:read", // member_joined_channel in public channels
        "groups:history", // the same in private channels
        "groups:read", // member_joined_channel in private channels
        "chat:write", // chat.postMessage, chat.update, chat.postEphemeral
        "commands", // /review, /posting, /practice
        "files:write", // files.getUploadURLExternal, files.completeUploadExternal (the check-in chart)
        "im:history", // the same in direct messages
        "im:write", // conversations.open for direct messages
        "mpim:history", // the same in group direct messages
        "users:read", // users.info
    ];
}
