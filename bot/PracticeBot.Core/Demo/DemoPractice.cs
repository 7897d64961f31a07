using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Demo;

/// <summary>
/// A practice to play with on a fresh machine: bound to the local chat, with sample reviews from several sources.
/// Seeded once; a second start finds it and leaves it (and anything done to it) alone.
/// </summary>
public static class DemoPractice
{
    public const string Name = "Demo Family Practice";
    public const string Slug = "demo-family-practice";
    public const string WorkspaceId = "local";
    public const string ChannelId = "local-reviews";
    public const string ManagerUserId = "local-user";

    public static readonly ConversationReference Channel = new(Platforms.Local, WorkspaceId, ChannelId);

    /// <summary>
    /// Teams in local mode (the Agents Playground): the adapter puts <see cref="WorkspaceId"/> on its conversations,
    /// so they belong to the demo practice too.
    /// </summary>
    public static readonly ConversationReference TeamsLocal = new(Platforms.Teams, WorkspaceId, "");

    private static readonly (string Source, int? Rating, string? Recommendation, string Author, string Text, string? Category, int HoursAgo)[] Samples =
    [
        ("google", 2, null, "Maria G.", "Waited over an hour past my appointment time and nobody at the front desk explained why.", "wait-time", 5),
        ("yelp", 5, null, "Tom R.", "Dr. Patel took the time to listen and explain everything. The whole staff was kind.", null, 20),
        ("healthgrades", 1, null, "Anonymous", "Called three times about test results and never got a call back.", "follow-up", 30),
        ("google", 4, null, "Jen L.", "Clean office, friendly nurses. Parking is tight.", null, 48),
        ("facebook", null, "negative", "Chris P.", "Front office was rude when I asked about my bill.", "front-office", 60),
        ("vitals", 3, null, "K. W.", "Good doctor but the wait was long again.", "wait-time", 90),
        ("ratemds", 5, null, "Sam D.", "Best practice in town. Same-day appointment for my son.", null, 120),
        ("google", 5, null, "Lee H.", "", null, 150),
    ];

    /// <summary>Creates the demo practice unless it exists. Returns true when it was created now.</summary>
    public static async Task<bool> EnsureSeededAsync(PracticeBotDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        db.PracticeScope = null;
        if (await db.Practices.AnyAsync(p => p.Slug == Slug, cancellationToken))
        {
            return false;
        }

        var now = time.GetUtcNow();
        var practice = new Practice
        {
            Name = Name,
            Slug = Slug,
            TimeZone = "America/Chicago",
            Channel = Channel,
            IsDemo = true,
            CreatedAt = now,
            LastReviewNumber = Samples.Length,
        };
        db.Practices.Add(practice);
        await db.SaveChangesAsync(cancellationToken);

        db.WorkspaceBindings.Add(WorkspaceDirectory.BindingFor(Channel, practice.Id, now));
        db.WorkspaceBindings.Add(WorkspaceDirectory.BindingFor(TeamsLocal, practice.Id, now));
        db.Members.Add(new Member
        {
            PracticeId = practice.Id,
            Platform = Platforms.Local,
            UserId = ManagerUserId,
            DisplayName = "You (demo manager)",
            Roles = Role.Manager | Role.Responder,
            JoinedAt = now,
        });
        for (var i = 0; i < Samples.Length; i++)
        {
            var s = Samples[i];
            var created = now.AddHours(-s.HoursAgo);
            db.Reviews.Add(new Review
            {
                PracticeId = practice.Id,
                Number = i + 1,
                Source = s.Source,
                ExternalId = $"demo-{i + 1}",
                Rating = s.Rating,
                Recommendation = s.Recommendation,
                Author = s.Author,
                Text = s.Text.Length == 0 ? null : s.Text,
                CreatedAt = created,
                ReceivedAt = created,
                Status = ReviewStatus.New,
                Category = s.Category,
                Urgent = s.Rating is <= 2 || s.Recommendation == "negative",
            });
        }

        var plan = new PostingPlan
        {
            PracticeId = practice.Id,
            PostsPerWeek = 3,
            Networks = ["facebook", "instagram"],
            Weekdays = [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday],
            UpdatedAt = now.AddDays(-DemoHistory.Days),
        };
        db.PostingPlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        await DemoHistory.AddAsync(db, practice, plan, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
