using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Reviews.Privacy;

namespace PracticeBot.Core.Reviews;

/// <summary>
/// <c>review approve &lt;id&gt; [reason]</c> and the Approve button (managers). A draft with high-risk privacy findings
/// is approved only with a written reason, which is audited as an override.
/// </summary>
public sealed class ApproveReply(ReviewWorkflow workflow, ReviewBook reviews, ReviewPeople people, TimeProvider time)
    : IBotHandler<CommandInvocation>, IBotHandler<ActionInvoked>
{
    public ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken) =>
        new(ApproveAsync(command.ReviewNumber(), null, command.Text("reason"), turn, cancellationToken));

    /// <summary>The button approves the text its card showed: the version it carries must still be the current one.</summary>
    public ValueTask HandleAsync(ActionInvoked action, TurnContext turn, CancellationToken cancellationToken) =>
        ReviewReplies.ForButton(action, turn, number => ApproveAsync(number, ReviewReplies.VersionOf(action) ?? "", null, turn, cancellationToken));

    /// <param name="shownVersion">For a button, the version its card showed; null for a typed command.</param>
    private async Task ApproveAsync(int number, string? shownVersion, string? reason, TurnContext turn, CancellationToken ct)
    {
        var practice = turn.Practice!;
        if (await workflow.ForStepAsync(turn, number, ReviewStep.Approve, ct) is not { } review
            || await workflow.CurrentReplyAsync(review, ct) is not { } reply)
        {
            return;
        }

        if (shownVersion is not null && shownVersion != reply.Version)
        {
            turn.Reply(ReplyCards.Current(review, reply));
            return;
        }

        var privacy = PrivacyCheck.Check(reply.Text, review.Author, practice.Name);
        if (privacy.IsHighRisk && string.IsNullOrWhiteSpace(reason))
        {
            turn.Reply($"{privacy.Explain()}\nTo approve it anyway, give your reason: `review approve {number} <why this is safe>`. Or `review reject {number} <what to change>`.");
            return;
        }

        review.Status = ReviewStatus.Approved;
        reply.Status = ReplyStatus.Approved;
        reply.ApprovedByMemberId = turn.Member!.Id;
        reply.ApprovedVersion = reply.Version;
        reply.UpdatedAt = time.GetUtcNow();
        turn.Audit(
            privacy.IsHighRisk ? "review.approved.override" : "review.approved",
            $"review:{number}",
            privacy.IsHighRisk ? $"override reason: {Truncate(reason!.Trim(), 400)}" : null);
        await reviews.RefreshPostedCardsAsync(practice, review, ct);

        if (await people.ByIdAsync(reply.AuthorMemberId, ct) is { } author && author.Id != turn.Member.Id)
        {
            people.Tell(practice, turn.Chat!.Conversation, [author], OutboundMessage.Plain(
                $"{turn.Member.Mention} approved your reply to review #{number}. Publish it with `review publish {number}`."));
        }

        turn.Reply($"Approved the reply to review #{number}.{(privacy.IsHighRisk ? " Your override reason is in the audit log." : "")} `review publish {number}` publishes it.");
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
