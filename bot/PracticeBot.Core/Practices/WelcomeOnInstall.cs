using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Practices.Onboarding;

namespace PracticeBot.Core.Practices;

/// <summary>
/// The bot was added to a team or chat. In a workspace not set up yet it says hello there, and the person who added
/// it gets the setup guide (<see cref="SetupGuide"/>) in a one-to-one chat; where the practice is set up it says so.
/// </summary>
public sealed class WelcomeOnInstall(OutboxWriter outbox) : IBotHandler<MemberJoined>
{
    public ValueTask HandleAsync(MemberJoined joined, TurnContext turn, CancellationToken cancellationToken)
    {
        if (!joined.BotWasAdded)
        {
            return ValueTask.CompletedTask;
        }

        var here = joined.Conversation.WithoutThread();
        if (turn.Practice is { } practice)
        {
            turn.ReplyInChannel(OutboundMessage.Plain(
                $"Hi, I'm PracticeBot for *{OutsideText.Mark(practice.Name)}*. Type `review` to see open reviews, or `help` for everything I do." +
                (practice.Channel is { } channel && channel.ChannelId != here.ChannelId
                    ? "\nReview cards go to another channel; a manager can move them here with `practice set channel here`."
                    : "")));
            return ValueTask.CompletedTask;
        }

        turn.ReplyInChannel(OutboundMessage.Plain(
            "Hi, I'm PracticeBot: I bring your practice's online reviews and posting duties into this chat.\n" +
            "I've sent whoever added me a setup guide in a direct message: a few buttons and short forms. " +
            "Or type `practice setup \"Practice name\" America/Chicago` here, in the channel where review cards should go. Type `help` for everything else."));
        var guide = SetupGuide.Card(new SetupState(null, SetupGuideActions.ChannelValue(here), [], false, null),
            $"Thanks for adding me! Let's set up your practice: each step below has a button, and the command that does the same.");
        outbox.Enqueue(null, MessageTarget.DirectTo(here, joined.User.Id), guide);
        return ValueTask.CompletedTask;
    }
}
