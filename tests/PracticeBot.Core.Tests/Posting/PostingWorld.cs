using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Posting;

/// <summary>
/// A Los Angeles practice with a posting plan, on the core harness; the clock starts Monday 23 Nov 2026, 07:00 local.
/// The tests of the weekly rotation and of the duties start from a week without slots: the first week's slots, which the
/// plan and the volunteers make at once, are removed (they are tested on their own, in <see cref="FirstWeekTests"/>).
/// </summary>
internal sealed class PostingWorld(CoreHarness bot, long practiceId) : IAsyncDisposable
{
    /// <summary>Friday 27 Nov 2026, 10:00 in Los Angeles: when the rotation for the week of Mon 30 Nov runs.</summary>
    public static readonly DateTimeOffset RotationFriday = new(2026, 11, 27, 18, 0, 0, TimeSpan.Zero);

    public CoreHarness Bot { get; } = bot;

    public long PracticeId { get; } = practiceId;

    public static async Task<PostingWorld> CreateAsync(string plan = "posting plan 3/week facebook instagram", params string[] volunteers) =>
        await CreateAsync(plan, firstWeek: false, volunteers);

    /// <param name="firstWeek">Keeps the slots the plan and the volunteers made at once for the current week.</param>
    public static async Task<PostingWorld> CreateAsync(string plan, bool firstWeek, params string[] volunteers)
    {
        var bot = await CoreHarness.CreateAsync();
        await bot.CommandAsync("U-owner", "practice setup \"Sunrise Family Medicine\" America/Los_Angeles");
        await bot.CommandAsync("U-owner", plan);
        foreach (var volunteer in volunteers)
        {
            await bot.CommandAsync(volunteer, "posting volunteer");
        }

        await using var db = bot.OpenDb();
        if (!firstWeek)
        {
            await db.PostingSlots.ExecuteDeleteAsync();
        }

        return new PostingWorld(bot, (await db.Practices.SingleAsync()).Id);
    }

    public Task<TurnResult> FireAsync(string scheduleId, DateTimeOffset at)
    {
        Bot.Time.SetUtcNow(at);
        return Bot.Dispatcher.DispatchAsync(ScheduleFired.Create(scheduleId, PracticeId, at));
    }

    public async Task<List<PostingSlot>> SlotsAsync()
    {
        await using var db = Bot.OpenDb();
        return await db.PostingSlots.OrderBy(s => s.Date).ThenBy(s => s.Sequence).ToListAsync();
    }

    public async Task<long> MemberIdAsync(string userId)
    {
        await using var db = Bot.OpenDb();
        return (await db.Members.SingleAsync(m => m.UserId == userId)).Id;
    }

    /// <summary>Messages in the outbox after <paramref name="afterId"/>, oldest first (not the refreshes of people's homes).</summary>
    public async Task<List<OutboxMessage>> OutboxAsync(long afterId = 0)
    {
        await using var db = Bot.OpenDb();
        var rows = await db.Outbox.Where(o => o.Id > afterId).OrderBy(o => o.Id).ToListAsync();
        return [.. rows.Where(o => o.Target.Visibility != MessageVisibility.Home)];
    }

    public async Task<long> LastOutboxIdAsync()
    {
        await using var db = Bot.OpenDb();
        return await db.Outbox.MaxAsync(o => (long?)o.Id) ?? 0;
    }

    public static IEnumerable<OutboxMessage> DirectTo(IEnumerable<OutboxMessage> rows, string userId) =>
        rows.Where(o => o.Target.Visibility == MessageVisibility.Direct && o.Target.UserId == userId);

    public static IEnumerable<OutboxMessage> InChannel(IEnumerable<OutboxMessage> rows) =>
        rows.Where(o => o.Target.Visibility == MessageVisibility.InChannel);

    public ValueTask DisposeAsync() => Bot.DisposeAsync();
}
