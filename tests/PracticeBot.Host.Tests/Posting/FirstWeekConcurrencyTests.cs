using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Posting;

/// <summary>
/// Issue 20: the first week's fill is idempotent. Four volunteers join at once on two instances of the real host sharing
/// one database (Wednesday 25 Nov 2026, 13:00 in Chicago, with a plan of every day at 8pm): each slot still to come
/// this week is made once and assigned once, and each assignee is told once per slot.
/// </summary>
public abstract class FirstWeekConcurrencyTests
{
    private static readonly ConversationReference Channel = new(Platforms.Slack, "T-sunrise", "C-general");

    protected static Action<IServiceCollection> Wednesday => s => s.AddSingleton<TimeProvider>(new ShiftedClock(new DateTimeOffset(2026, 11, 25, 19, 0, 0, TimeSpan.Zero)));

    protected abstract Task<(BotFactory First, BotFactory Second, Func<Task> Cleanup)> StartAsync();

    protected async Task VolunteersAtOnceOnTwoInstances_EachSlotMadeAndAssignedOnce()
    {
        var (first, second, cleanup) = await StartAsync();
        try
        {
            // Arrange
            var a = first.Services.GetRequiredService<BotDispatcher>();
            var b = second.Services.GetRequiredService<BotDispatcher>();
            await a.DispatchAsync(Command("U-owner", "practice", "setup \"Sunrise Family Medicine\" America/Chicago"));
            await a.DispatchAsync(Command("U-owner", "posting", "plan 7/week 8pm"));

            // Act
            var turns = await Task.WhenAll(
                a.DispatchAsync(Command("U-ann", "posting", "volunteer")),
                b.DispatchAsync(Command("U-bob", "posting", "volunteer")),
                a.DispatchAsync(Command("U-cat", "posting", "volunteer")),
                b.DispatchAsync(Command("U-dan", "posting", "volunteer")));

            // Assert: Wednesday to Sunday, five slots, each assigned once; five DM lines in all.
            Assert.All(turns, t => Assert.Null(t.Failure));
            await using var scope = first.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
            var slots = await db.PostingSlots.OrderBy(s => s.Date).ToListAsync();
            Assert.Equal(Enumerable.Range(0, 5).Select(i => new DateOnly(2026, 11, 25).AddDays(i)), slots.Select(s => s.Date));
            Assert.All(slots, s => Assert.Equal(SlotStatus.Assigned, s.Status));
            var dms = (await db.Outbox.ToListAsync()).Where(o => o.Target.Visibility == MessageVisibility.Direct).ToList();
            Assert.Equal(5, dms.Sum(d => d.Message.Text.Split('•').Length - 1));
        }
        finally
        {
            await cleanup();
        }
    }

    private static CommandReceived Command(string user, string name, string text) => new(Channel, new ChatUser(user), name, text);
}

public sealed class SqliteFirstWeekConcurrencyTests : FirstWeekConcurrencyTests
{
    [Fact]
    public Task VolunteersAtOnce_OnSqlite_EachSlotOnce() => VolunteersAtOnceOnTwoInstances_EachSlotMadeAndAssignedOnce();

    protected override Task<(BotFactory, BotFactory, Func<Task>)> StartAsync()
    {
        var file = new TempDatabaseFile();
        var settings = BotFactory.Sqlite(file.Path, ("Demo:Enabled", "false"));
        var (first, second) = (new BotFactory(settings, Wednesday), new BotFactory(settings, Wednesday));
        _ = first.Server;
        _ = second.Server;
        return Task.FromResult<(BotFactory, BotFactory, Func<Task>)>((first, second, async () =>
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
            file.Dispose();
        }));
    }
}

public sealed class PostgresFirstWeekConcurrencyTests : FirstWeekConcurrencyTests
{
    [PostgresFact]
    public Task VolunteersAtOnce_OnPostgres_EachSlotOnce() => VolunteersAtOnceOnTwoInstances_EachSlotMadeAndAssignedOnce();

    protected override async Task<(BotFactory, BotFactory, Func<Task>)> StartAsync()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        var settings = BotFactory.Postgres(database, ("Demo:Enabled", "false"));
        var (first, second) = (new BotFactory(settings, Wednesday), new BotFactory(settings, Wednesday));
        _ = first.Server;
        _ = second.Server;
        return (first, second, async () =>
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
            await TestPostgres.DropDatabaseAsync(database);
        });
    }
}
