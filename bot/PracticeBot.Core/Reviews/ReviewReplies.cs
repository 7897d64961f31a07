using System.Globalization;
using PracticeBot.Core.Conversation.Events;

namespace PracticeBot.Core.Reviews;

/// <summary>Answers shared by the review handlers.</summary>
internal static class ReviewReplies
{
    public static string NotFound(int number) => $"There's no review #{number}. `review all` lists them.";

    public const string StaleButton = "That button belongs to an old message. `review` lists the current reviews.";

    /// <summary>Runs <paramref name="run"/> with the review number a button carries, or says the button is stale.</summary>
    public static ValueTask ForButton(ActionInvoked action, Conversation.Routing.TurnContext turn, Func<int, Task> run)
    {
        if (NumberOf(action) is not { } number)
        {
            turn.Reply(StaleButton);
            return ValueTask.CompletedTask;
        }

        return new(run(number));
    }

    /// <summary>The review number a button carries, or null when the value is not one.</summary>
    public static int? NumberOf(ActionInvoked action) =>
        int.TryParse(action.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
