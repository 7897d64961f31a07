using System.Diagnostics;
using System.Net;
using PracticeBot.Adapters.Slack.Tests.TestSupport;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Adapters.Slack.Tests.Events;

/// <summary>Slack's 3-second rule: a turn slower than the ack budget is acknowledged first and answered later.</summary>
public sealed class SlackSlowTurnTests
{
    [Fact]
    public async Task SlashCommand_SlowerThanBudget_AckedEmptyThenAnsweredThroughResponseUrl()
    {
        await using var env = await SlackEnvironment.StartAsync(
            s => s.AddBotRoutes(bot => bot.Use<SlowHelp>()),
            ("Slack:AckBudget", "00:00:00.300"));
        await env.Host.SetUpPracticeAsync();
        var clock = Stopwatch.StartNew();

        using var response = await env.Host.SlashCommandAsync("/review", "help", responseUrl: env.Slack.ResponseUrl("slow"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.True(clock.Elapsed < SlowHelp.Duration, $"the ack took {clock.Elapsed}");
        Assert.Empty(env.Slack.CallsTo("response_url:slow"));
        await Eventually.TrueAsync(() => env.Slack.CallsTo("response_url:slow").Count == 1, "the answer through response_url");
        var answer = env.Slack.CallsTo("response_url:slow").Single();
        Assert.Contains("review claim", answer.Json, StringComparison.Ordinal);
        Assert.Equal("ephemeral", answer.Get("response_type"));
    }

    /// <summary>Makes every help turn take longer than the ack budget.</summary>
    public sealed class SlowHelp : IBotMiddleware
    {
        public static readonly TimeSpan Duration = TimeSpan.FromSeconds(2);

        public async ValueTask InvokeAsync(TurnContext turn, Func<ValueTask> next, CancellationToken cancellationToken)
        {
            if (turn.Command?.Spec.Root == "help")
            {
                await Task.Delay(Duration, cancellationToken);
            }

            await next();
        }
    }
}
