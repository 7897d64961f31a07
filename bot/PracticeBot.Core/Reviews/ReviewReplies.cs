using System.Globalization;
using PracticeBot.Core.Conversation.Events;

namespace PracticeBot.Core.Reviews;

/// <summary>Answers shared by the review handlers.</summary>
internal static class ReviewReplies
{
    public static string NotFound(int number) => $"There's no review #{number}. `review all` lists them.";

    public const string StaleButton = "That button belongs to an old message. `review` lists the current reviews.";

    /// <summary>Refuses a review number this practice does not have (perhaps another practice's), for the audit log.</summary>
    public static void RefuseNotFound(Conversation.Routing.TurnContext turn, int number) =>
        turn.Refuse(NotFound(number), $"review:{number.ToString(CultureInfo.InvariantCulture)}", "no such review in this practice");

    /// <summary>
    /// Whether someone else owns this review's reply (a manager may write it all the same); if so, says who. The draft and
    /// the suggestion ask the same question.
    /// </summary>
    public static async ValueTask<bool> RefuseIfClaimedByAnotherAsync(
        ReviewBook reviews, Review review, Practices.Member me, Conversation.Routing.TurnContext turn, CancellationToken ct)
    {
        if (review.ClaimedByMemberId is not { } owner || owner == me.Id || me.Has(Practices.Role.Manager))
        {
            return false;
        }

        var claimer = await reviews.ClaimerAsync(review, ct);
        turn.Reply($"Review #{review.Number} is claimed by {claimer?.Mention ?? "someone else"}; only they write its reply.");
        return true;
    }

    /// <summary>Refuses a button whose value names no review.</summary>
    public static void RefuseStale(Conversation.Routing.TurnContext turn) =>
        turn.Refuse(StaleButton, null, "button value names no review");

    /// <summary>Runs <paramref name="run"/> with the review number a button carries, or says the button is stale.</summary>
    public static ValueTask ForButton(ActionInvoked action, Conversation.Routing.TurnContext turn, Func<int, Task> run)
    {
        if (NumberOf(action) is not { } number)
        {
            RefuseStale(turn);
            return ValueTask.CompletedTask;
        }

        return new(run(number));
    }

    /// <summary>The review number a button carries (<c>12</c>, or <c>12:version</c>), or null when the value is not one.</summary>
    public static int? NumberOf(ActionInvoked action)
    {
        var value = action.Value;
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var number = colon < 0 ? value : value[..colon];
        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
    }

    /// <summary>The draft version a button carries after the number, or null (a button of a card made before versions).</summary>
    public static string? VersionOf(ActionInvoked action) =>
        action.Value.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 && colon < action.Value.Length - 1 ? action.Value[(colon + 1)..] : null;

    /// <summary>The value of a button that acts on one version of the reply to review <paramref name="number"/>.</summary>
    public static string VersionedValue(int number, string version) => $"{number.ToString(CultureInfo.InvariantCulture)}:{version}";

    public const string DraftChanged = "The draft changed since this card; here is the current one.";
}
