using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;

namespace PracticeBot.Core.Posting;

/// <summary><c>posting ideas</c>: three suggestions, never the previous one first; <c>posting ideas add …</c> (managers) adds the practice's own.</summary>
public sealed class ShowPostIdeas(PostingDesk desk) : IBotHandler<CommandInvocation>
{
    public const int Shown = 3;
    public const int MaxIdeaLength = 300;

    public ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        if (command.Text("idea") is { } text)
        {
            Add(practice, text.Trim(), turn);
            return ValueTask.CompletedTask;
        }

        var date = desk.Today(practice);
        var ideas = new List<PostIdea>();
        var last = practice.Settings.LastPostIdea;
        var candidates = PostIdeas.Candidates(date.Month, practice.Settings.PostIdeas).Count;
        for (var i = 0; ideas.Count < Math.Min(Shown, candidates) && i < candidates * 2; i++)
        {
            var idea = PostIdeas.Next(date.AddDays(i), last, practice.Settings.PostIdeas);
            if (ideas.All(x => x.Key != idea.Key))
            {
                ideas.Add(idea);
            }
        }

        practice.Settings.LastPostIdea = ideas[0].Key;
        var lines = ideas.Select(i => $"• *{i.Category}:* {i.Text}");
        turn.Reply(new OutboundMessage($"Ideas for your next post:\n{string.Join("\n", lines)}", Card.Of(
            new HeaderBlock("Ideas for your next post"),
            new SectionBlock(string.Join("\n", lines)),
            new ContextBlock(["Never name or picture a patient without written consent. Managers: `posting ideas add <idea>` adds your own."]))));
        return ValueTask.CompletedTask;
    }

    private static void Add(Practice practice, string text, TurnContext turn)
    {
        const string usage = "`posting ideas` suggests what to post; `posting ideas add <idea>` (managers) adds one of your own.";
        if (!text.StartsWith("add ", StringComparison.OrdinalIgnoreCase) || text[4..].Trim() is not { Length: > 0 } idea)
        {
            turn.Reply(usage);
            return;
        }

        if (!turn.Member!.Has(Role.Manager))
        {
            turn.Reply("Only managers can add ideas. Tell one yours — good ideas are welcome!");
            return;
        }

        if (idea.Length > MaxIdeaLength)
        {
            turn.Reply($"That idea is {idea.Length} characters; keep it under {MaxIdeaLength} so it fits a reminder.");
            return;
        }

        if (practice.Settings.PostIdeas.Contains(idea, StringComparer.OrdinalIgnoreCase))
        {
            turn.Reply("That idea is already on your list.");
            return;
        }

        practice.Settings.PostIdeas.Add(idea);
        turn.Audit("posting.idea.added", "posting:ideas", idea.Length > 60 ? idea[..60] + "…" : idea);
        turn.Reply($"Added to your practice's ideas ({practice.Settings.PostIdeas.Count} of your own now). It will come up in reminders too.");
    }
}
