namespace PracticeBot.Core.Conversation.Routing;

public enum RouteKind
{
    Command,
    Action,
    Message,
    MemberJoined,
    Schedule,
}
