using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews.Privacy;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Reviews;

/// <summary>
/// <c>review reply &lt;id&gt; [text]</c>, the Draft button and the reply form's submit: start or replace the reply draft.
/// Without text it answers with a form pre-filled with the current draft or a safe template.
/// </summary>
public sealed class DraftReply(PracticeBotDb db, ReviewBook reviews, TimeProvider time) : IBotHandler<CommandInvocation>, IBotHandler<ActionInvoked>
{
    public const int MaxLength = 4000;

    public ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken) =>
        new(DraftAsync(command.ReviewNumber(), command.Text("text"), openFormWhenEmpty: true, turn, cancellationToken));

    public ValueTask HandleAsync(ActionInvoked action, TurnContext turn, CancellationToken cancellationToken)
    {
        if (ReviewReplies.NumberOf(action) is not { } number)
        {
            ReviewReplies.RefuseStale(turn);
            return ValueTask.CompletedTask;
        }

        return action.ActionId == ReviewActions.SubmitDraft
            ? new(DraftAsync(number, action.Inputs.GetValueOrDefault(ReviewActions.DraftInput), openFormWhenEmpty: false, turn, cancellationToken))
            : new(DraftAsync(number, null, openFormWhenEmpty: true, turn, cancellationToken));
    }

    private async Task DraftAsync(int number, string? text, bool openFormWhenEmpty, TurnContext turn, CancellationToken ct)
    {
        var practice = turn.Practice!;
        var me = turn.Member!;
        if (await reviews.FindAsync(practice, number, ct) is not { } review)
        {
            ReviewReplies.RefuseNotFound(turn, number);
            return;
        }

        if (!ReviewLifecycle.Allows(ReviewStep.Draft, review.Status))
        {
            turn.Reply($"Review #{number} is {review.Status.ToString().ToLowerInvariant()}; its reply can't be changed now.");
            return;
        }

        if (await ReviewReplies.RefuseIfClaimedByAnotherAsync(reviews, review, me, turn, ct))
        {
            return;
        }

        // The reply being worked on, also while it waits for approval or is approved: an edit then withdraws that approval.
        var draft = await reviews.CurrentReplyAsync(review, ct);

        if (string.IsNullOrWhiteSpace(text))
        {
            if (openFormWhenEmpty)
            {
                // A fresh form holds the suggestion the templates give at once: a model could not answer within the
                // seconds Slack allows to open a modal. The Suggest reply button asks the model.
                turn.Reply(Form(review, draft?.Text ?? Suggestions.ReplySuggester.FromTemplate(practice, review).Text));
            }
            else
            {
                turn.Reply("The reply is empty, so nothing was saved. Write it in the form, or `review reply <id> <text>`.");
            }

            return;
        }

        text = text.Trim();
        if (text.Length > MaxLength)
        {
            turn.Reply($"That reply has {text.Length} characters; review sites accept at most {MaxLength}. Nothing was saved: shorten it and send it again.");
            return;
        }

        if (!await ClaimIfFreeAsync(review, me, ct))
        {
            var claimer = await reviews.ClaimerAsync(review, ct);
            turn.Reply($"Review #{number} was just claimed by {claimer?.Mention ?? "someone else"}; nothing was saved.");
            return;
        }

        var now = time.GetUtcNow();
        if (draft is null)
        {
            db.ReviewReplies.Add(new ReviewReply
            {
                PracticeId = practice.Id,
                ReviewId = review.Id,
                AuthorMemberId = me.Id,
                Text = text,
                Status = ReplyStatus.Draft,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }
        else
        {
            draft.Revise(text);
            draft.Status = ReplyStatus.Draft;
            draft.AuthorMemberId = me.Id;
            draft.UpdatedAt = now;
        }

        var approvalWithdrawn = review.Status is ReviewStatus.AwaitingApproval or ReviewStatus.Approved;
        review.Status = ReviewStatus.Drafted;
        var risk = PrivacyCheck.Check(text, review.Author, practice.Name);
        turn.Audit(
            draft is null ? "review.drafted" : "review.draft.replaced",
            $"review:{number}",
            $"{text.Length} characters, privacy {(risk.IsHighRisk ? "high risk" : risk.IsClean ? "clean" : "caution")}" +
            (approvalWithdrawn ? "; the earlier approval no longer applies" : ""));
        await reviews.RefreshPostedCardsAsync(practice, review, ct);
        var card = await reviews.CardAsync(review, ct);
        var again = approvalWithdrawn ? " The text changed, so the earlier approval no longer applies: Publish asks for approval again where it is needed." : "";
        turn.Reply(card.WithLead($"Draft saved for review #{number} ({text.Length} characters).{again} {risk.Explain()}"));
    }

    /// <summary>Drafting a review nobody has claimed claims it, with the same one-owner rule as the Claim button.</summary>
    private async Task<bool> ClaimIfFreeAsync(Review review, Member me, CancellationToken ct)
    {
        if (review.Status != ReviewStatus.New)
        {
            return true;
        }

        var won = await db.Reviews
            .Where(r => r.Id == review.Id && r.Status == ReviewStatus.New)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReviewStatus.Claimed).SetProperty(r => r.ClaimedByMemberId, me.Id), ct);
        await db.Entry(review).ReloadAsync(ct);
        return won == 1;
    }

    private static OutboundMessage Form(Review review, string initial)
    {
        var number = review.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new OutboundMessage(
            $"Reply to review #{review.Number}",
            Card.Of(
                new HeaderBlock($"Reply to review #{review.Number}"),
                new SectionBlock(string.IsNullOrWhiteSpace(review.Text) ? $"{ReviewCards.Score(review)}, no text" : OutsideText.Mark(review.Text)),
                new TextInputBlock(ReviewActions.DraftInput, "Your public reply", Multiline: true, InitialValue: initial),
                new ContextBlock(["Replies are public: never use the reviewer's name, and never confirm a visit or mention any care."]),
                new ActionsBlock([
                    new CardButton("Save draft", ReviewActions.SubmitDraft, number, ButtonStyle.Primary),
                    new CardButton("Suggest reply", ReviewActions.Suggest, number),
                ])));
    }
}
