using System.Globalization;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Reviews.Privacy;

namespace PracticeBot.Core.Reviews;

/// <summary>
/// Cards that show a reply's text with buttons acting on exactly that text (pure): each Approve and Publish button
/// carries the <see cref="ReviewReply.Version"/> it was made for.
/// </summary>
public static class ReplyCards
{
    /// <summary>What managers get to approve: the review, the reply as it is now, the privacy check, Approve and Reject.</summary>
    public static OutboundMessage ApprovalRequest(Review review, ReviewReply reply, string authorMention, PrivacyReport privacy) => new(
        $"{authorMention} asks you to approve a reply to review #{review.Number}",
        Card.Of(
            new HeaderBlock($"Approve the reply to review #{review.Number}?"),
            new SectionBlock($"*Review* {ReviewCards.Score(review)} on {ReviewCards.SourceName(review.Source)}\n{(review.Text is null ? "(no text)" : OutsideText.Mark(review.Text))}"),
            new SectionBlock($"*Reply by {authorMention}*\n{OutsideText.Mark(reply.Text)}"),
            new ContextBlock([privacy.Explain()]),
            new ActionsBlock(
            [
                new CardButton("Approve", ReviewActions.Approve, ReviewReplies.VersionedValue(review.Number, reply.Version), ButtonStyle.Primary),
                new CardButton("Reject", ReviewActions.Reject, review.Number.ToString(CultureInfo.InvariantCulture), ButtonStyle.Danger),
            ])));

    /// <summary>
    /// The answer to a button of an older text: the reply as it is now, with the buttons its review's state allows, each
    /// for this version.
    /// </summary>
    public static OutboundMessage Current(Review review, ReviewReply reply)
    {
        var value = ReviewReplies.VersionedValue(review.Number, reply.Version);
        List<CardButton> buttons = review.Status switch
        {
            ReviewStatus.AwaitingApproval =>
            [
                new CardButton("Approve", ReviewActions.Approve, value, ButtonStyle.Primary),
                new CardButton("Reject", ReviewActions.Reject, review.Number.ToString(CultureInfo.InvariantCulture), ButtonStyle.Danger),
            ],
            ReviewStatus.Drafted or ReviewStatus.Approved => [new CardButton("Publish", ReviewActions.Publish, value, ButtonStyle.Primary)],
            _ => [],
        };
        List<CardBlock> blocks =
        [
            new HeaderBlock($"The reply to review #{review.Number} changed"),
            new SectionBlock($"*Current reply* ({ReviewLifecycle.Describe(review.Status)})\n{OutsideText.Mark(reply.Text)}"),
            new ContextBlock([ReviewReplies.DraftChanged]),
        ];
        if (buttons.Count > 0)
        {
            blocks.Add(new ActionsBlock(buttons));
        }

        return new OutboundMessage($"{ReviewReplies.DraftChanged} (review #{review.Number})", new Card(blocks));
    }
}
