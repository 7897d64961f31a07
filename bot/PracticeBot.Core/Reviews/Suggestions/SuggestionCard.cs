using PracticeBot.Core.Conversation.Messages;

namespace PracticeBot.Core.Reviews.Suggestions;

/// <summary>
/// How a suggestion is shown above the review's card (pure): the text, where it came from, its privacy verdict. A model's
/// text is outside text like a review's: it must not ping a channel or disguise a link.
/// </summary>
public static class SuggestionCard
{
    public static string Lead(int number, ReplySuggestion suggestion, bool saved, bool hadDraft)
    {
        var source = suggestion.Source == SuggestionSource.Model ? "written by the suggestion service" : "from the practice's templates";
        var where = saved
            ? "Saved as the draft: edit it with `review reply " + number + "`, or publish it as it is."
            : hadDraft
                ? "Your current draft was kept; to use this one, `review reply " + number + " <text>`."
                : "It was not saved: the review is no longer yours to draft.";
        var lines = new List<string> { $"Suggested reply for review #{number} ({source}):", string.Join("\n", suggestion.Text.Split('\n').Select(line => ">" + OutsideText.Mark(line))) };
        if (suggestion.Note is { } note)
        {
            lines.Add(note);
        }

        lines.Add(suggestion.Privacy.Explain());
        lines.Add(where);
        return string.Join("\n", lines);
    }
}
