using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using PracticeBot.Adapters.Slack.Blocks;
using PracticeBot.Adapters.Teams.Rendering;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Reviews;

namespace PracticeBot.Benchmarks;

/// <summary>
/// The <c>/review</c> answer (a header, 10 review lines with Claim buttons, a footer) rendered as Block Kit for Slack
/// and as an Adaptive Card for Teams, to JSON text as it goes on the wire.
/// </summary>
[MemoryDiagnoser]
public class RenderingBenchmarks
{
    private readonly OutboundMessage _list = ReviewList();

    [Benchmark(Baseline = true)]
    public string BlockKit() => BlockKitRenderer.RenderMessage(_list).ToJsonString();

    [Benchmark]
    public string AdaptiveCard() => AdaptiveCardRenderer.Render(_list.Card!).ToJsonString();

    private static OutboundMessage ReviewList()
    {
        var blocks = new List<CardBlock> { new HeaderBlock("Sunrise Family Medicine: open reviews (10)") };
        for (var n = 10; n >= 1; n--)
        {
            blocks.Add(new SectionBlock($"*#{n}* {new string('★', 1 + n % 5)} Google · 2 h ago · new\n> The front desk was friendly and the wait was short, visit number {n}."));
            blocks.Add(new ActionsBlock([new CardButton($"Claim #{n}", ReviewActions.Claim, n.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        }

        blocks.Add(new ContextBlock(["`review <id>` shows one; `review claim <id>` takes it."]));
        return new OutboundMessage("10 open reviews", new Card(blocks));
    }
}
