using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Core.Telemetry;

/// <summary>The tags a turn is counted under: low-cardinality words, never ids.</summary>
internal static class TurnTelemetry
{
    public static (string Platform, string Kind) Describe(BotEvent botEvent) => botEvent switch
    {
        CommandReceived c => (c.Conversation.Platform, "command"),
        MessageReceived m => (m.Conversation.Platform, "message"),
        ActionInvoked a => (a.Conversation.Platform, "action"),
        MemberJoined j => (j.Conversation.Platform, "member"),
        ChatEvent e => (e.Conversation.Platform, "other"),
        ScheduleFired => ("scheduler", "schedule"),
        _ => ("none", "other"),
    };

    public static string Outcome(TurnFailure? failure) => failure switch
    {
        null => "ok",
        TurnFailure.Unavailable => "unavailable",
        _ => "error",
    };
}
