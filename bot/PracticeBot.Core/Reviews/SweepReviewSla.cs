using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.CheckIns;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews.Sources;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Reviews;

/// <summary>
/// Every few minutes: reviews waiting for an answer get their response-time reminders, each once (recorded as a
/// nudge). State lives in the database, so restarts lose nothing and a replied or resolved review gets nothing more.
/// During the practice's quiet hours (<c>practice set quiet</c>) only urgent reviews' reminders go out.
/// </summary>
public sealed class SweepReviewSla(PracticeBotDb db, ReviewPeople people, ReviewBook reviews, TimeProvider time) : IBotHandler<ScheduleFired>
{
    public async ValueTask HandleAsync(ScheduleFired input, TurnContext turn, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var oldEnough = now - SlaPlanner.UnclaimedUrgentAfter;
        var waiting = SlaPlanner.Waiting.ToList();
        var candidates = await db.Reviews
            .Where(r => waiting.Contains(r.Status) && r.ReceivedAt <= oldEnough)
            .OrderBy(r => r.PracticeId).ThenBy(r => r.Number)
            .ToListAsync(cancellationToken);

        foreach (var group in candidates.GroupBy(r => r.PracticeId))
        {
            var practice = await db.Practices.SingleAsync(p => p.Id == group.Key, cancellationToken);
            if (practice.Channel is not { } channel)
            {
                continue;
            }

            // In the practice's quiet hours only urgent reviews' reminders go out; the others wait for a sweep after them.
            var quiet = ReviewIngestion.QuietUntil(practice, now) is not null;
            var subjects = group.Select(r => $"review:{r.Number}").ToList();
            var sent = (await db.Nudges
                    .Where(n => n.PracticeId == practice.Id && n.Kind.StartsWith("sla.") && subjects.Contains(n.Subject!))
                    .Select(n => new { n.Kind, n.Subject })
                    .ToListAsync(cancellationToken))
                .Select(n => (n.Kind, n.Subject))
                .ToHashSet();

            foreach (var review in group.Where(r => !quiet || SlaPlanner.IsUrgent(r)))
            {
                var subject = $"review:{review.Number}";
                foreach (var reminder in SlaPlanner.Due(review, practice.Settings, now).Where(r => !sent.Contains((SlaPlanner.Kind(r), subject))))
                {
                    var to = await RecipientsAsync(practice, review, reminder, cancellationToken);
                    db.Nudges.Add(new Nudge
                    {
                        PracticeId = practice.Id,
                        Kind = SlaPlanner.Kind(reminder),
                        Subject = subject,
                        Level = reminder == SlaReminder.TargetBreached ? 1 : 0,
                        TargetMemberId = to.Count == 1 ? to[0].Id : null,
                        SentAt = now,
                    });
                    var card = await reviews.CardAsync(review, cancellationToken); // its buttons carry the current draft's version
                    people.Tell(practice, channel, to, card.WithLead(Lead(review, reminder, practice.Settings, now)) with { CardKey = null });
                }
            }
        }
    }

    private async Task<List<Member>> RecipientsAsync(Practice practice, Review review, SlaReminder reminder, CancellationToken ct)
    {
        switch (reminder)
        {
            case SlaReminder.OwnerDueSoon when await ClaimerAsync(review, ct) is { } owner:
                return [owner];
            case SlaReminder.UnclaimedUrgent:
                var responders = await people.WithRoleAsync(practice, Role.Responder, ct);
                return responders.Count > 0 ? responders : await people.WithRoleAsync(practice, Role.Manager, ct);
            default:
                return await people.WithRoleAsync(practice, Role.Manager, ct);
        }
    }

    private Task<Member?> ClaimerAsync(Review review, CancellationToken ct) =>
        review.ClaimedByMemberId is { } id ? db.Members.SingleOrDefaultAsync(m => m.Id == id, ct) : Task.FromResult<Member?>(null);

    private static string Lead(Review review, SlaReminder reminder, PracticeSettings settings, DateTimeOffset now)
    {
        var target = SlaPlanner.TargetFor(review, settings);
        var waited = (int)(now - review.ReceivedAt).TotalHours;
        return reminder switch
        {
            SlaReminder.UnclaimedUrgent =>
                $"Review #{review.Number} needs a reply soon and nobody has it yet ({waited} h so far). Claim it: `review claim {review.Number}`.",
            SlaReminder.OwnerDueSoon =>
                $"Review #{review.Number} is yours and its {target.TotalHours:0} h response target is {Math.Max(0, (int)(target - (now - review.ReceivedAt)).TotalHours)} h away. `review reply {review.Number}` when you're ready.",
            _ =>
                $"Review #{review.Number} has waited {waited} h, past its {target.TotalHours:0} h response target. It is {ReviewLifecycle.Describe(review.Status)}: a quick word with whoever has it may help.",
        };
    }
}
