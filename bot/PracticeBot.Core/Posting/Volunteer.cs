using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;

namespace PracticeBot.Core.Posting;

/// <summary><c>posting volunteer</c>: joins the rotation (the poster role). Nobody is ever assigned without it.</summary>
public sealed class Volunteer(PostingDesk desk) : IBotHandler<CommandInvocation>
{
    public async ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        var me = turn.Member!;
        if (me.Roles.HasFlag(Role.Poster))
        {
            turn.Reply("You're already a posting volunteer — thank you! `posting schedule` shows when you're up.");
            return;
        }

        me.Roles |= Role.Poster;
        turn.Audit("posting.volunteered", $"member:{me.Mention}");
        var count = (await desk.VolunteersAsync(practice, cancellationToken)).Count(v => v.Id != me.Id) + 1;
        var plan = await desk.PlanAsync(practice, cancellationToken);
        var next = plan is null or { Paused: true }
            ? " A manager still needs to set a plan (`posting plan 3/week facebook`)."
            : " Friday's rotation will include you; you'll get a DM with your slot and an idea for what to post.";
        turn.ReplyInChannel(OutboundMessage.Plain(
            $"{me.Mention} volunteered for posting duty — thank you! {count} volunteer{(count == 1 ? "" : "s")} now.{next}"));
    }
}
