using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Scheduling;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.CheckIns;

/// <summary>
/// One check-in: a paused plan whose two weeks are up is resumed, the digest goes to the channel, and every stalled
/// item climbs its ladder by one rung (each item once a week; people who are away are left out).
/// </summary>
public sealed class CheckInRun(PracticeBotDb db, CheckInDesk desk, ReviewPeople people, OutboxWriter outbox, IBotScheduler scheduler, TimeProvider time)
{
    public async Task RunAsync(Practice practice, CheckInWeek week, TurnContext turn, CancellationToken ct)
    {
        await ResumePausedPlanAsync(practice, turn, ct);
        var digest = await desk.DigestMessageAsync(practice, week, ct, recordFollowers: true);
        if (practice.Channel is { } channel)
        {
            outbox.Enqueue(practice.Id, MessageTarget.Channel(channel), digest);
        }

        await ClimbLaddersAsync(practice, week, ct);
        turn.Audit("checkin.sent", $"checkin:{week.Key}");
    }

    private async Task ResumePausedPlanAsync(Practice practice, TurnContext turn, CancellationToken ct)
    {
        var today = PostingClock.LocalDate(time.GetUtcNow(), PostingDesk.Zone(practice));
        if (practice.Settings.PostingPausedUntil is not { } until || today < until)
        {
            return;
        }

        practice.Settings.PostingPausedUntil = null;
        var plan = await db.PostingPlans.SingleOrDefaultAsync(p => p.PracticeId == practice.Id, ct);
        if (plan is not { Paused: true } || plan.PostsPerWeek <= 0)
        {
            return;
        }

        plan.Paused = false;
        plan.UpdatedAt = time.GetUtcNow();
        turn.Audit("posting.plan.resumed", "posting:plan", "two-week pause over");
        turn.AfterCommit(c => PostingTriggers.EnsureAsync(scheduler, practice, plan, c));
        if (practice.Channel is { } channel)
        {
            outbox.Enqueue(practice.Id, MessageTarget.Channel(channel), OutboundMessage.Plain(
                "Posting is back on after its two-week pause. Welcome back! `posting schedule` shows who's up."));
        }
    }

    private async Task ClimbLaddersAsync(Practice practice, CheckInWeek week, CancellationToken ct)
    {
        var stalls = await desk.StallsAsync(practice, week, ct);
        if (stalls.Count == 0 || practice.Channel is not { } channel)
        {
            return;
        }

        var subjects = stalls.SelectMany(s => new[] { CheckInKinds.Subject(s.Item, week.Key), CheckInKinds.Subject(s.Item, week.PreviousKey) }).ToList();
        var sent = await CheckInQueries.SentRungs.For(db)(db, practice.Id, subjects).ListAsync(ct);
        var today = PostingClock.LocalDate(time.GetUtcNow(), PostingDesk.Zone(practice));
        var away = (await desk.AwayTodayAsync(practice, today, ct)).ToHashSet();
        var managers = (await desk.WithRoleAsync(practice, Role.Manager, ct)).Where(m => !away.Contains(m.Id)).ToList();

        foreach (var stall in stalls)
        {
            var subject = CheckInKinds.Subject(stall.Item, week.Key);
            if (sent.Any(n => n.Kind == stall.Kind && n.Subject == subject))
            {
                continue;
            }

            var previous = sent.FirstOrDefault(n => n.Kind == stall.Kind && n.Subject == CheckInKinds.Subject(stall.Item, week.PreviousKey));
            var level = NudgeLadder.Next(previous?.Level);
            var owners = (await OwnersAsync(practice, stall, today, ct)).Where(m => !away.Contains(m.Id)).ToList();
            var told = new List<Member>();
            if (NudgeLadder.TellsOwner(level))
            {
                people.Tell(practice, channel, owners, NudgeTexts.ToOwner(stall, subject, level));
                told.AddRange(owners);
            }

            if (NudgeLadder.TellsManagers(level))
            {
                var others = managers.Where(m => owners.All(o => o.Id != m.Id)).ToList();
                people.Tell(practice, channel, others, NudgeTexts.ToManager(stall, subject, owners));
                told.AddRange(others);
            }

            if (NudgeLadder.TellsChannel(level))
            {
                outbox.Enqueue(practice.Id, MessageTarget.Channel(channel), NudgeTexts.ToChannel(stall, owners));
            }

            db.Nudges.Add(new Nudge
            {
                PracticeId = practice.Id,
                Kind = stall.Kind,
                Subject = subject,
                Level = level,
                TargetMemberId = told.Count == 1 ? told[0].Id : null,
                SentAt = time.GetUtcNow(),
            });
        }
    }

    private async Task<List<Member>> OwnersAsync(Practice practice, Stall stall, DateOnly today, CancellationToken ct)
    {
        switch (stall.Owner)
        {
            case StallOwner.Member when stall.OwnerMemberId is { } id && (await desk.MembersAsync(practice, ct)).FirstOrDefault(m => m.Id == id) is { } owner:
                return [owner];
            case StallOwner.Volunteers:
                return await desk.ActiveVolunteersAsync(practice, today, ct);
            case StallOwner.Responders:
                var responders = await desk.WithRoleAsync(practice, Role.Responder, ct);
                return responders.Count > 0 ? responders : await desk.WithRoleAsync(practice, Role.Manager, ct);
            default:
                return await desk.WithRoleAsync(practice, Role.Manager, ct);
        }
    }
}
