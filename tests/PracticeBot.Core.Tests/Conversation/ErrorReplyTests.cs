using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Conversation;

public sealed class ErrorReplyTests
{
    [Fact]
    public async Task Dispatch_HandlerThrowsAfterChangingState_RepliesWithReferenceAndRollsBack()
    {
        await using var bot = await CoreHarness.CreateAsync(s => s.AddBotRoutes(r => r.OnAction<Exploding>("test.explode", Access.Members)));
        await bot.CommandAsync("U1", "practice setup Sunrise America/Chicago");

        var result = await bot.PressAsync("U1", "test.explode", "1");

        var text = CoreHarness.Text(result);
        Assert.Contains("nothing was changed", text, StringComparison.Ordinal);
        Assert.Contains(result.CorrelationId, text, StringComparison.Ordinal);
        Assert.DoesNotContain("boom", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        Assert.Equal("Sunrise", (await db.Practices.SingleAsync()).Name);
    }

    [Fact]
    public async Task Dispatch_ScheduleHandlerThrows_DoesNotEscape()
    {
        await using var bot = await CoreHarness.CreateAsync(s => s.AddBotRoutes(r => r.OnSchedule<Exploding>("explodes")));

        var result = await bot.Dispatcher.DispatchAsync(ScheduleFired.Create("explodes", null, DateTimeOffset.UnixEpoch));

        Assert.Empty(result.Replies);
    }

    [Fact]
    public async Task Dispatch_DatabaseUnreachable_RepliesTemporarilyUnavailable()
    {
        await using var bot = await CoreHarness.CreateAsync(s => s.AddBotRoutes(r => r.OnAction<Unreachable>("test.unreachable", Access.Members)));
        await bot.CommandAsync("U1", "practice setup Sunrise America/Chicago");

        var result = await bot.PressAsync("U1", "test.unreachable", "1");

        var text = CoreHarness.Text(result);
        Assert.Contains("temporarily unavailable", text, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", text, StringComparison.Ordinal);
        Assert.DoesNotContain("went wrong", text, StringComparison.Ordinal);
    }

    private sealed class Unreachable : IBotHandler<ActionInvoked>
    {
        public ValueTask HandleAsync(ActionInvoked input, TurnContext turn, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("wrapped", new TimeoutException("the server did not answer"));
    }

    private sealed class Exploding(PracticeBotDb db) : IBotHandler<ActionInvoked>, IBotHandler<ScheduleFired>
    {
        public async ValueTask HandleAsync(ActionInvoked input, TurnContext turn, CancellationToken cancellationToken)
        {
            turn.Practice!.Name = "Renamed";
            await db.SaveChangesAsync(cancellationToken);
            throw new InvalidOperationException("boom");
        }

        public ValueTask HandleAsync(ScheduleFired input, TurnContext turn, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("boom");
    }
}
