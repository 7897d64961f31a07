using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Posting;

/// <summary>
/// <c>posting volunteer</c>: joins the rotation (the poster role). Nobody is ever assigned without it. With an active
/// plan the open slots still to come this week (and next week's, once its rotation has run) are shared out at once,
/// among every volunteer, fairly (<see cref="PostingRota"/>).
/// </summary>
public sealed class Volunteer(PracticeBotDb db, PostingDesk desk, PostingRota rota) : IBotHandler<CommandInvocation>
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
        string next;
        if (plan is null or { Paused: true })
        {
            next = " A manager still needs to set a plan (`posting plan 3/week facebook`).";
        }
        else
        {
            await db.SaveChangesAsync(cancellationToken); // the rotation reads the volunteers from the database
            var fill = await rota.FillAsync(practice, plan, rota.WeeksStartingNow(practice), PostingTexts.StartsNowHeading, cancellationToken);
            var mine = fill.Assigned.Where(s => s.AssigneeMemberId == me.Id).ToList();
            next = mine.Count > 0
                ? $" You're up on {string.Join(" and ", mine.Select(s => PostingTexts.Slot(s, plan)))}: I've sent you the details."
                : $" {PostingSchedules.RotateDay}'s rotation will include you; you'll get a DM with your slot and an idea for what to post.";
        }

        turn.ReplyInChannel(OutboundMessage.Plain(
            $"{me.Mention} volunteered for posting duty — thank you! {count} volunteer{(count == 1 ? "" : "s")} now.{next}"));
    }
}
