using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Core.Practices;

/// <summary>The bot was added to a team or chat: say hello and how to set up (or that this practice is set up already).</summary>
public sealed class WelcomeOnInstall : IBotHandler<MemberJoined>
{
    public ValueTask HandleAsync(MemberJoined joined, TurnContext turn, CancellationToken cancellationToken)
    {
        if (!joined.BotWasAdded)
        {
            return ValueTask.CompletedTask;
        }

        var here = joined.Conversation.WithoutThread();
        turn.ReplyInChannel(OutboundMessage.Plain(turn.Practice is { } practice
            ? $"Hi, I'm PracticeBot for *{practice.Name}*. Type `review` to see open reviews, or `help` for everything I do." +
              (practice.Channel is { } channel && channel.ChannelId != here.ChannelId
                  ? "\nReview cards go to another channel; a manager can move them here with `practice settings channel here`."
                  : "")
            : "Hi, I'm PracticeBot: I bring your practice's online reviews and posting duties into this chat.\n" +
              "To set up, a manager types `practice setup \"Practice name\" America/Chicago` in the channel where review cards " +
              "should go. Then `practice role @someone responder` adds people who answer reviews. Type `help` for everything else."));
        return ValueTask.CompletedTask;
    }
}
