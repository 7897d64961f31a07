using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Outbox;

namespace PracticeBot.Adapters.Teams.Tests.Integration;

/// <summary>
/// A scheduled nudge as a job would raise it: a direct message to a member, knowing only the tenant (no service URL):
/// the Teams sender has to find how to reach it from the stored install.
/// </summary>
public sealed class TestNudge(OutboxWriter outbox) : IBotHandler<ScheduleFired>
{
    public const string ScheduleId = "test.nudge";

    public ValueTask HandleAsync(ScheduleFired fired, TurnContext turn, CancellationToken cancellationToken)
    {
        var tenant = new ConversationReference(Platforms.Teams, fired.Data["tenant"], "");
        outbox.Enqueue(fired.PracticeId, MessageTarget.DirectTo(tenant, fired.Data["user"]), OutboundMessage.Plain("Friendly nudge: 2 reviews wait for a reply."));
        return ValueTask.CompletedTask;
    }
}
