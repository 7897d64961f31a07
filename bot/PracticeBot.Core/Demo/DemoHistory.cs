using PracticeBot.Core.Audit;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Demo;

/// <summary>
/// A year of made-up history for the demo practice, so the dashboard has something to show right after <c>dotnet run</c>:
/// a team, about 300 reviews answered over 12 months (with their replies and audit trail), and a posting record of three
/// posts a week. Deterministic (a fixed seed) and written in one save, so seeding stays well under a second.
/// </summary>
public static class DemoHistory
{
    public const int Days = 365;

    private static readonly (string UserId, string Name, Role Roles)[] Team =
    [
        ("demo-dana", "Dana (practice manager)", Role.Manager | Role.Responder),
        ("demo-ravi", "Ravi (front desk)", Role.Responder | Role.Poster),
        ("demo-ana", "Ana (nurse)", Role.Poster),
        ("demo-ben", "Ben (billing)", Role.Poster | Role.Operations),
    ];

    private static readonly string[] Sources = ["google", "google", "google", "yelp", "facebook", "healthgrades"];

    private static readonly (int Rating, string Text, string? Category)[] Texts =
    [
        (5, "Friendly staff and the doctor really listened.", null),
        (5, "Quick appointment, clear explanations, would recommend.", null),
        (4, "Good care overall, the waiting room was busy.", null),
        (4, "Nurses were kind; parking is tight.", null),
        (3, "Fine visit but I waited 40 minutes past my time.", "wait-time"),
        (2, "Hard to get through on the phone to book.", "front-office"),
        (1, "Billed twice for the same visit and nobody called back.", "billing"),
        (2, "Waited over an hour with no explanation.", "wait-time"),
    ];

    public static async Task AddAsync(PracticeBotDb db, Practice practice, PostingPlan plan, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var random = new Random(2026);
        var team = Team.Select(t => new Member
        {
            PracticeId = practice.Id, Platform = Platforms.Local, UserId = t.UserId, DisplayName = t.Name, Roles = t.Roles, JoinedAt = now.AddDays(-Days - 30),
        }).ToList();
        db.Members.AddRange(team);
        await db.SaveChangesAsync(cancellationToken);

        var reviews = NewReviews(practice, team, now, random);
        db.Reviews.AddRange(reviews.Select(r => r.Review));
        await db.SaveChangesAsync(cancellationToken);
        AddAnswers(db, practice, team, reviews);
        AddSlots(db, practice, plan, team.Where(m => (m.Roles & Role.Poster) != 0).ToList(), now, random);
    }

    private static List<(Review Review, Member By, TimeSpan Delay)> NewReviews(Practice practice, List<Member> team, DateTimeOffset now, Random random)
    {
        var responders = team.Where(m => (m.Roles & Role.Responder) != 0).ToList();
        var reviews = new List<(Review Review, Member By, TimeSpan Delay)>();
        for (var day = Days; day >= 8; day--)
        {
            // A little more each month, and a rating that creeps up: the trend chart has a story to tell.
            var perDay = random.NextDouble() < 0.55 + (0.35 * (Days - day) / Days) ? 1 : 0;
            for (var k = 0; k < perDay + (random.Next(5) == 0 ? 1 : 0); k++)
            {
                var sample = Texts[Math.Min(Texts.Length - 1, random.Next(Texts.Length - (day < 120 ? 2 : 0)))];
                var received = now.AddDays(-day).AddHours(-random.Next(0, 24));
                var number = ++practice.LastReviewNumber;
                var negative = sample.Rating <= 2;
                var review = new Review
                {
                    PracticeId = practice.Id,
                    Number = number,
                    Source = Sources[random.Next(Sources.Length)],
                    ExternalId = $"demo-history-{number}",
                    Rating = sample.Rating,
                    Author = $"Patient {number}",
                    Text = sample.Text,
                    Url = $"https://reviews.example/demo/{number}",
                    CreatedAt = received,
                    ReceivedAt = received,
                    Category = sample.Category,
                    Categories = sample.Category is null ? [] : [sample.Category],
                    Urgent = negative,
                    Status = random.Next(12) == 0 ? ReviewStatus.NoReplyNeeded : negative && random.Next(3) == 0 ? ReviewStatus.Resolved : ReviewStatus.Replied,
                };
                var delay = TimeSpan.FromHours(negative ? random.Next(2, 30) : random.Next(4, 96));
                reviews.Add((review, responders[random.Next(responders.Count)], delay));
            }
        }

        return reviews;
    }

    private static void AddAnswers(PracticeBotDb db, Practice practice, List<Member> team, List<(Review Review, Member By, TimeSpan Delay)> reviews)
    {
        foreach (var (review, by, delay) in reviews.Where(r => r.Review.Status != ReviewStatus.NoReplyNeeded))
        {
            var claimed = review.ReceivedAt + (delay / 4);
            var replied = review.ReceivedAt + delay;
            review.ClaimedByMemberId = by.Id;
            db.ReviewReplies.Add(new ReviewReply
            {
                PracticeId = practice.Id, ReviewId = review.Id, AuthorMemberId = by.Id, Text = "Thank you for taking the time to tell us.",
                Status = ReplyStatus.Published, CreatedAt = claimed, UpdatedAt = replied, PublishedAt = replied,
            });
            Audit(db, practice, by, "review.claimed", review.Number, null, claimed);
            Audit(db, practice, by, "review.drafted", review.Number, null, claimed + TimeSpan.FromMinutes(20));
            Audit(db, practice, by, "review.replied", review.Number, "posted by hand", replied);
        }

        foreach (var review in reviews.Where(r => r.Review.Status == ReviewStatus.NoReplyNeeded).Select(r => r.Review))
        {
            Audit(db, practice, team[0], "review.no-reply-needed", review.Number, null, review.ReceivedAt.AddHours(3));
        }
    }

    private static void AddSlots(PracticeBotDb db, Practice practice, PostingPlan plan, List<Member> posters, DateTimeOffset now, Random random)
    {
        var zone = PostingDesk.Zone(practice);
        var today = PostingClock.LocalDate(now, zone);
        var monday = PostingClock.WeekStart(today);
        var turn = 0;
        for (var date = monday.AddDays(-7 * 52); date < monday.AddDays(7); date = date.AddDays(1))
        {
            if (!plan.Weekdays.Contains(date.DayOfWeek))
            {
                continue;
            }

            var who = posters[turn++ % posters.Count];
            var slot = new PostingSlot
            {
                PracticeId = practice.Id,
                PlanId = plan.Id,
                Date = date,
                Network = plan.Networks[turn % plan.Networks.Count],
                AssigneeMemberId = who.Id,
                AssignedAt = PostingClock.ToUtc(date.AddDays(-7), new TimeOnly(10, 0), zone),
                Status = SlotStatus.Assigned,
            };
            if (date < today)
            {
                var roll = random.Next(10);
                slot.Status = roll < 8 ? SlotStatus.Done : roll < 9 ? SlotStatus.Missed : SlotStatus.Skipped;
                if (slot.Status == SlotStatus.Done)
                {
                    slot.DoneByMemberId = who.Id;
                    slot.DoneAt = PostingClock.ToUtc(date, new TimeOnly(11, random.Next(60)), zone);
                }
                else if (slot.Status == SlotStatus.Missed)
                {
                    slot.MissedAt = PostingClock.ToUtc(date.AddDays(1), plan.DueLocalTime, zone);
                }
            }

            db.PostingSlots.Add(slot);
        }
    }

    private static void Audit(PracticeBotDb db, Practice practice, Member by, string action, int number, string? detail, DateTimeOffset at) =>
        db.AuditEntries.Add(new AuditEntry
        {
            PracticeId = practice.Id,
            At = at,
            Actor = $"{by.Platform}:{by.UserId}",
            ActorName = by.DisplayName,
            Action = action,
            Subject = $"review:{number}",
            Detail = detail,
            Origin = "demo history",
        });
}
