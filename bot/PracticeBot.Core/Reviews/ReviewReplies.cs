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

    /// <summary>The review number a button carries, or null when the value is not one.</summary>
    public static int? NumberOf(ActionInvoked action) =>
        int.TryParse(action.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
