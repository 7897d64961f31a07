using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Adapters.Slack.Tests.TestSupport;
using PracticeBot.Core.Posting;
using static PracticeBot.Adapters.Slack.Tests.Home.SlackHomeFlow;

namespace PracticeBot.Adapters.Slack.Tests.Home;

/// <summary>
/// Issue 20, point 1, through Slack's payloads and the fake Slack: a first week that starts now. The host's clock is
/// moved to a weekday in Chicago (the practice's time zone) and runs on from there.
/// </summary>
public sealed class FirstWeekSlackTests
{
    [Fact]
    public async Task PlanSetOnFridayAfternoon_NextWeekSharedOutAtOnce_AnnouncedDmedAndInTheSchedule()
    {
        // Arrange: Friday 27 Nov 2026, 13:00 in Chicago: this week's rotation (10:00) and Friday's post (12:00) have passed.
        await using var env = await SlackEnvironment.StartAsync(s => s.AddSingleton<TimeProvider>(new ShiftedClock(new DateTimeOffset(2026, 11, 27, 19, 0, 0, TimeSpan.Zero))));
        await env.Host.SetUpPracticeAsync();
        await AnswerAsync(env, "/posting", "volunteer", Ann, "ann", "volunteered");
        await AnswerAsync(env, "/posting", "volunteer", Bob, "bob", "volunteered");

        // Act
        var plan = await AnswerAsync(env, "/posting", "plan 3/week facebook", SlackTestData.ManagerId, "plan", "Posting plan");

        // Assert: next week's three posts shared out now, in the channel and by DM; nothing for this Friday.
        Assert.Contains("No need to wait: 3 posts still to come are shared out now.", plan, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => Posted(env, SlackTestData.ChannelId).Any(t => t.StartsWith(PostingTexts.StartsNowHeading, StringComparison.Ordinal)), "the rota in the channel");
        var rota = Posted(env, SlackTestData.ChannelId).Single(t => t.StartsWith(PostingTexts.StartsNowHeading, StringComparison.Ordinal));
        Assert.Contains($"Mon 30 Nov on Facebook, due 12:00 — <@{Ann}>", rota, StringComparison.Ordinal);
        Assert.Contains($"Wed 2 Dec on Facebook, due 12:00 — <@{Bob}>", rota, StringComparison.Ordinal);
        Assert.Contains($"Fri 4 Dec on Facebook, due 12:00 — <@{Ann}>", rota, StringComparison.Ordinal);
        Assert.DoesNotContain("27 Nov", rota, StringComparison.Ordinal);
        foreach (var person in new[] { Ann, Bob })
        {
            await Eventually.TrueAsync(() => Posted(env, "D" + person).Any(t => t.Contains("on posting duty for *Sunrise Family Medicine* next week", StringComparison.Ordinal)), $"the DM to {person}");
        }

        var schedule = await AnswerAsync(env, "/posting", "schedule", Bob, "schedule", "next two weeks");
        Assert.Contains($"Wed 2 Dec on Facebook, due 12:00 — <@{Bob}>", schedule, StringComparison.Ordinal);
        Assert.Contains("The week of Mon 30 Nov is shared out; the next rotation is on Friday 10:00 (America/Chicago).", schedule, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VolunteerJoinsOnWednesdayAfternoon_TakesFridayAtOnce_HomeShowsItAndItsDoneButtonWorks()
    {
        // Arrange: Wednesday 25 Nov 2026, 13:00 in Chicago; a plan nobody has volunteered for yet.
        await using var env = await SlackEnvironment.StartAsync(s => s.AddSingleton<TimeProvider>(new ShiftedClock(new DateTimeOffset(2026, 11, 25, 19, 0, 0, TimeSpan.Zero))));
        await env.Host.SetUpPracticeAsync();
        var plan = await AnswerAsync(env, "/posting", "plan 3/week facebook", SlackTestData.ManagerId, "plan", "Posting plan");
        Assert.Contains("1 post still to come waits for volunteers", plan, StringComparison.Ordinal);

        // Act
        var joined = await AnswerAsync(env, "/posting", "volunteer", Ann, "ann", "volunteered");

        // Assert: Friday is hers (Monday's and Wednesday's posts were due before she joined), announced, DMed, on her home.
        Assert.Contains("You're up on Fri 27 Nov on Facebook, due 12:00: I've sent you the details.", joined, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => Posted(env, SlackTestData.ChannelId).Any(t => t.Contains($"Fri 27 Nov on Facebook, due 12:00 — <@{Ann}>", StringComparison.Ordinal)), "the rota in the channel");
        await Eventually.TrueAsync(() => Posted(env, "D" + Ann).Any(t => t.Contains("this week", StringComparison.Ordinal)), "the DM to Ann");
        await Eventually.TrueAsync(() => HomesOf(env, Ann).Any(h => Texts(h.Body).Contains("Fri 27 Nov on Facebook, due 12:00", StringComparison.Ordinal)), "Ann's home to show her duty");
        var slot = await env.Host.WithDbAsync(db => db.PostingSlots.AsNoTracking().SingleAsync(s => s.Status == SlotStatus.Assigned));
        Assert.Equal(new DateOnly(2026, 11, 27), slot.Date);
        var home = HomesOf(env, Ann).Last(h => Texts(h.Body).Contains("Fri 27 Nov", StringComparison.Ordinal));
        var done = Assert.Single(Buttons(home), b => b.ActionId.StartsWith(PostingActions.Done, StringComparison.Ordinal));
        Assert.Equal(PostingTexts.Id(slot), done.Value);

        // Act: the Done button, pressed on the App Home.
        var published = HomesOf(env, Ann).Count;
        using (var press = await env.Host.InteractionAsync(HomeBlockAction(done.ActionId, done.Value, Ann)))
        {
            press.EnsureSuccessStatusCode();
        }

        // Assert: recorded, and her home refreshed without being opened.
        await Eventually.TrueAsync(
            () => env.Host.WithDbAsync(db => db.PostingSlots.AsNoTracking().AnyAsync(s => s.Id == slot.Id && s.Status == SlotStatus.Done)), "the post to be recorded");
        await Eventually.TrueAsync(() => HomesOf(env, Ann).Skip(published).Any(h => Texts(h.Body).Contains("None assigned", StringComparison.Ordinal)), "Ann's home refreshed");
    }

    private static List<string> Posted(SlackEnvironment env, string channel) =>
        [.. env.Slack.CallsTo("chat.postMessage").Where(c => c.Get("channel") == channel).Select(c => c.Get("text") ?? "")];
}
