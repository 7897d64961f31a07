using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Adapters.Slack.Tests.TestSupport;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Adapters.Slack.Tests.Events;

/// <summary>Slack's 3-second rule: a turn slower than the ack budget is acknowledged first and answered later.</summary>
public sealed class SlackSlowTurnTests
{
    [Fact]
    public async Task SlashCommand_SlowerThanBudget_AckedEmptyThenAnsweredThroughResponseUrl()
    {
        await using var env = await SlackEnvironment.StartAsync(
            s => s.AddBotRoutes(bot => bot.OnCommand<SlowIdeas>("posting ideas")),
            ("Slack:AckBudget", "00:00:00.300"));
        await env.Host.SetUpPracticeAsync();
        var clock = Stopwatch.StartNew();

        using var response = await env.Host.SlashCommandAsync("/posting", "ideas", responseUrl: env.Slack.ResponseUrl("slow"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.True(clock.Elapsed < SlowIdeas.Duration, $"the ack took {clock.Elapsed}");
        Assert.Empty(env.Slack.CallsTo("response_url:slow"));
        await Eventually.TrueAsync(() => env.Slack.CallsTo("response_url:slow").Count == 1, "the answer through response_url");
        var answer = env.Slack.CallsTo("response_url:slow").Single();
        Assert.Equal("Post a photo of the team.", answer.Get("text"));
        Assert.Equal("ephemeral", answer.Get("response_type"));
    }

    /// <summary>A handler that takes longer than the ack budget.</summary>
    public sealed class SlowIdeas : IBotHandler<CommandInvocation>
    {
        public static readonly TimeSpan Duration = TimeSpan.FromSeconds(2);

        public async ValueTask HandleAsync(CommandInvocation input, TurnContext turn, CancellationToken cancellationToken)
        {
            await Task.Delay(Duration, cancellationToken);
            turn.Reply("Post a photo of the team.");
        }
    }
}
