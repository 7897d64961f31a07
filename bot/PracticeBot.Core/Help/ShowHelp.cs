using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;

namespace PracticeBot.Core.Help;

/// <summary><c>help</c> and <c>help review|posting|practice</c>: what the bot can do, read from the grammar itself.</summary>
public sealed class ShowHelp : IBotHandler<CommandInvocation>
{
    /// <summary>What each topic of <see cref="HelpCommands.Topics"/> is about; its commands are listed under it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Topics = new Dictionary<string, string>
    {
        [CommandCatalog.Review] = "Reviews: see new reviews, claim one, draft a safe reply, get it approved and published.",
        [CommandCatalog.Posting] = "Posting: a weekly plan, volunteers in a fair rotation, reminders and ideas.",
        [CommandCatalog.PracticeRoot] = "Practice: setup, roles, settings and the weekly check-in.",
    };

    public ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken)
    {
        var topic = command.Text("topic");
        var blocks = new List<CardBlock> { new HeaderBlock(topic is null ? "PracticeBot" : $"PracticeBot — {topic}") };
        foreach (var root in topic is null ? HelpCommands.Topics : new[] { topic })
        {
            var lines = CommandCatalog.ForRoot(root).Select(c => $"`{c.Syntax}` — {c.Summary}");
            blocks.Add(new SectionBlock($"*{Topics[root]}*\n{string.Join("\n", lines)}"));
        }

        blocks.Add(new ContextBlock([turn.Practice is null
            ? $"Not set up here yet: start with `{PracticeCommands.Setup.Words} \"Practice name\" America/Chicago` in your reviews channel."
            : $"{turn.Practice.Name} · {TopicHint} for one topic."]));
        turn.Reply(new OutboundMessage("PracticeBot help: " + string.Join(", ", CommandCatalog.Roots), new Card(blocks)));
        return ValueTask.CompletedTask;
    }

    /// <summary><c>`help review`, `help posting` or `help practice`</c>.</summary>
    private static string TopicHint
    {
        get
        {
            var each = HelpCommands.Topics.Select(t => $"`{HelpCommands.Help.Words} {t}`").ToList();
            return $"{string.Join(", ", each[..^1])} or {each[^1]}";
        }
    }
}
