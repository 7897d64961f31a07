using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Core.Home;

/// <summary><c>my work</c>: the person's home (<see cref="PersonHome"/>) as a card, to them alone.</summary>
public sealed class ShowMyWork(PersonHome home) : IBotHandler<CommandInvocation>
{
    public async ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken)
    {
        var card = await home.BuildAsync(turn.Practice!, turn.Member, cancellationToken);
        turn.Reply(new OutboundMessage("Your work: your next posting duty, your reviews, and what waits for you.", card));
    }
}
