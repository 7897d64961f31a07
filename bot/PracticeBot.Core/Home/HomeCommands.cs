using PracticeBot.Core.Conversation.Commands;

namespace PracticeBot.Core.Home;

/// <summary>The <c>my</c> commands: one declaration each, read by the parser, the router, help and the docs.</summary>
public static class HomeCommands
{
    public static readonly CommandSpec Work = CommandSpec.Declare<ShowMyWork>(
        CommandCatalog.My, "work", "", "Your next posting duty, your claimed reviews, open negative reviews, and drafts waiting for your approval.",
        Access.Members, [], readOnly: true,
        details: "The same as the Slack App Home, with Done and Open buttons; managers also see the drafts waiting for approval.");

    public static readonly IReadOnlyList<CommandSpec> All = [Work];
}
