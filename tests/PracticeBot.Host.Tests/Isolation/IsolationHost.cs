using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Adapters.Teams.Tests.TestSupport;
using PracticeBot.Core.Audit;
using PracticeBot.Core.CheckIns;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Middleware;
using PracticeBot.Core.Inbox;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Storage;
using FakeSlackApi = PracticeBot.Adapters.Slack.Tests.TestSupport.FakeSlackApi;
using static PracticeBot.Host.Tests.Isolation.TwoPractices;

namespace PracticeBot.Host.Tests.Isolation;

/// <summary>
/// The real host with both adapters on: Slack's Web API pointed at a <see cref="FakeSlackApi"/>, the Bot Framework at a
/// <see cref="BotFrameworkFake"/>, both on loopback. It holds practices A and B (seeded straight into the database, with
/// B's reviews in every state, a posting plan with slots, a pending swap and a nudge) and can snapshot B.
/// </summary>
public sealed class IsolationHost(IReadOnlyDictionary<string, string?> database, FakeSlackApi slack, BotFrameworkFake teams)
    : PracticeBotFactory<Program>
{
    /// <summary>A's own calendar-feed token, which must not open B's feed; made when the practices are seeded.</summary>
    public string ACalendarToken { get; private set; } = "";

    public FakeSlackApi Slack { get; } = slack;

    public BotFrameworkFake Teams { get; } = teams;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        database.Concat(TestSupport.FakePlatformSettings.SlackAndTeams(Slack, Teams));

    public async Task<T> WithDbAsync<T>(Func<PracticeBotDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        db.PracticeScope = null;
        return await work(db);
    }

    /// <summary>
    /// Waits until every inbox row has been handled and every outbox row sent or given up: an answer can reach the fake
    /// before the turn that sent it commits its audit, so what the matrix reads is read only once the host is quiet.
    /// </summary>
    public async Task SettleAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await WithDbAsync(async db =>
            await db.Inbox.AsNoTracking().AnyAsync(m => m.Status == InboxStatus.Pending)
            || await db.Outbox.AsNoTracking().AnyAsync(m => m.Status == OutboxStatus.Pending)))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(15))
            {
                Assert.Fail("The host still had inbox or outbox rows pending after 15 s.");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Seeds A (three new reviews) then B (ten reviews in every state, people, plan, slots, a swap, a nudge).</summary>
    public Task<BTargets> SeedAsync() => WithDbAsync(async db =>
    {
        var now = TimeProvider.System.GetUtcNow();
        var a = await AddPracticeAsync(db, AName, ASlug, ASlackTeam, ASlackChannel, ATeamsTeam, now);
        foreach (var (role, roles) in ARoles)
        {
            db.Members.Add(NewMember(a, Platforms.Slack, SlackUser('a', role), $"Alder {role}", roles, now));
            db.Members.Add(NewMember(a, Platforms.Teams, TeamsUser('a', role), $"Alder {role}", roles, now));
        }

        for (var n = 1; n <= 3; n++)
        {
            db.Reviews.Add(NewReview(a, n, ReviewStatus.New, $"Alder review {n}: friendly staff.", "Alder Author", now));
        }

        a.LastReviewNumber = 3;
        var calendarTokens = Services.GetRequiredService<IPostingCalendarTokens>();
        var aPlan = new PostingPlan
        {
            PracticeId = a.Id, PostsPerWeek = 2, Networks = ["instagram"], Weekdays = [DayOfWeek.Tuesday, DayOfWeek.Thursday],
            UpdatedAt = now,
        };
        ACalendarToken = calendarTokens.Create(aPlan);
        db.PostingPlans.Add(aPlan);
        await db.SaveChangesAsync();

        var b = await AddPracticeAsync(db, BName, BSlug, BSlackTeam, BSlackChannel, BTeamsTeam, now);
        var people = new Dictionary<string, Member>();
        foreach (var (key, name, roles) in BPeople)
        {
            people[key] = NewMember(b, Platforms.Slack, SlackUser('b', key), name, roles, now);
            db.Members.Add(people[key]);
            db.Members.Add(NewMember(b, Platforms.Teams, TeamsUser('b', key), name, roles, now));
        }

        await db.SaveChangesAsync();
        var states = new[]
        {
            ReviewStatus.Replied, ReviewStatus.Resolved, ReviewStatus.NoReplyNeeded, ReviewStatus.New, ReviewStatus.Claimed,
            ReviewStatus.Drafted, ReviewStatus.AwaitingApproval, ReviewStatus.Approved, ReviewStatus.Publishing, ReviewStatus.Escalated,
        };
        var reviews = new Dictionary<ReviewStatus, Review>();
        for (var i = 0; i < states.Length; i++)
        {
            var review = NewReview(b, i + 1, states[i], $"{BMarker} review {i + 1}: the wait at the Birchwood desk was long.", $"Quentin {BMarker} Author {i + 1}", now);
            review.Rating = 1 + (i % 3);
            review.ClaimedByMemberId = states[i] == ReviewStatus.New ? null : people["resp"].Id;
            reviews[states[i]] = review;
            db.Reviews.Add(review);
        }

        b.LastReviewNumber = states.Length;
        await db.SaveChangesAsync();
        foreach (var (status, replyStatus) in new[]
                 {
                     (ReviewStatus.Drafted, ReplyStatus.Draft), (ReviewStatus.AwaitingApproval, ReplyStatus.AwaitingApproval),
                     (ReviewStatus.Approved, ReplyStatus.Approved), (ReviewStatus.Publishing, ReplyStatus.Approved),
                 })
        {
            db.ReviewReplies.Add(new ReviewReply
            {
                PracticeId = b.Id,
                ReviewId = reviews[status].Id,
                AuthorMemberId = people["resp"].Id,
                Text = $"{BMarker} draft: thank you for telling us about the wait.",
                Status = replyStatus,
                CreatedAt = now,
                UpdatedAt = now,
                // Far out, so the publishing job never acts on B while the matrix runs.
                PublishAfter = status == ReviewStatus.Publishing ? now.AddDays(2) : null,
            });
        }

        var plan = new PostingPlan
        {
            PracticeId = b.Id, PostsPerWeek = 3, Networks = ["facebook"], Weekdays = [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday],
            UpdatedAt = now,
        };
        var bCalendarToken = calendarTokens.Create(plan);
        db.PostingPlans.Add(plan);
        await db.SaveChangesAsync();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var slot = new PostingSlot
        {
            PracticeId = b.Id, PlanId = plan.Id, Date = today.AddDays(3), Sequence = 0, Network = "facebook",
            AssigneeMemberId = people["post"].Id, Status = SlotStatus.Assigned, AssignedAt = now,
        };
        db.PostingSlots.Add(slot);
        db.PostingSlots.Add(new PostingSlot
        {
            PracticeId = b.Id, PlanId = plan.Id, Date = today.AddDays(5), Sequence = 0, Network = "facebook",
            AssigneeMemberId = people["post2"].Id, Status = SlotStatus.Assigned, AssignedAt = now,
        });
        db.PostingAways.Add(new PostingAway { PracticeId = b.Id, MemberId = people["post2"].Id, From = today.AddDays(20), To = today.AddDays(25), CreatedAt = now });
        await db.SaveChangesAsync();
        var swap = new PostingSwap
        {
            PracticeId = b.Id, SlotId = slot.Id, FromMemberId = people["post"].Id, ToMemberId = people["post2"].Id,
            Status = SwapStatus.Pending, CreatedAt = now,
        };
        db.PostingSwaps.Add(swap);
        const string nudgeSubject = "posting:birchwood-week";
        db.Nudges.Add(new Nudge { PracticeId = b.Id, Kind = "stall.posts-below-plan", Level = 0, TargetMemberId = people["post"].Id, Subject = nudgeSubject, SentAt = now });
        await db.SaveChangesAsync();

        var targets = new BTargets(
            b.Id, a.Id,
            New: reviews[ReviewStatus.New].Number,
            Claimed: reviews[ReviewStatus.Claimed].Number,
            Drafted: reviews[ReviewStatus.Drafted].Number,
            AwaitingApproval: reviews[ReviewStatus.AwaitingApproval].Number,
            Approved: reviews[ReviewStatus.Approved].Number,
            Publishing: reviews[ReviewStatus.Publishing].Number,
            Escalated: reviews[ReviewStatus.Escalated].Number,
            NewReviewRowId: reviews[ReviewStatus.New].Id,
            SlotId: slot.Id,
            SwapId: swap.Id,
            NudgeSubject: nudgeSubject,
            Secrets: [BMarker, BName, .. BPeople.Select(p => p.DisplayName), "Birchwood", bCalendarToken]);

        // The attacks only mean something if none of B's numbers is also one of A's reviews.
        var aNumbers = await db.Reviews.Where(r => r.PracticeId == a.Id).Select(r => (long)r.Number).ToListAsync();
        long[] aimed = [targets.New, targets.Claimed, targets.Drafted, targets.AwaitingApproval, targets.Approved, targets.Publishing, targets.Escalated, targets.NewReviewRowId];
        Assert.DoesNotContain(aimed, aNumbers.Contains);
        return targets;
    });

    /// <summary>Every row of B, in a stable order, as one JSON string: equal strings mean B did not change.</summary>
    public Task<string> SnapshotAsync(long practiceId) => WithDbAsync(async db =>
    {
        var snapshot = new Dictionary<string, object?>
        {
            ["practice"] = await db.Practices.AsNoTracking().Where(p => p.Id == practiceId)
                .Select(p => new { p.Name, p.Slug, p.TimeZone, p.Channel, p.Settings, p.LastReviewNumber }).SingleAsync(),
            ["bindings"] = await db.WorkspaceBindings.AsNoTracking().Where(x => x.PracticeId == practiceId).OrderBy(x => x.Id).ToListAsync(),
            ["members"] = await db.Members.AsNoTracking().Where(x => x.PracticeId == practiceId).OrderBy(x => x.Id).ToListAsync(),
            ["reviews"] = await db.Reviews.AsNoTracking().Where(x => x.PracticeId == practiceId).OrderBy(x => x.Id).ToListAsync(),
            ["replies"] = await db.ReviewReplies.AsNoTracking().Where(x => x.PracticeId == practiceId).OrderBy(x => x.Id).ToListAsync(),
            ["plans"] = await db.PostingPlans.AsNoTracking().Where(x => x.PracticeId == practiceId).OrderBy(x => x.Id).ToListAsync(),
            ["slots"] = await db.PostingSlots.AsNoTracking().Where(x => x.PracticeId == practiceId).OrderBy(x => x.Id).ToListAsync(),
            ["aways"] = await db.PostingAways.AsNoTracking().Where(x => x.PracticeId == practiceId).OrderBy(x => x.Id).ToListAsync(),
            ["swaps"] = await db.PostingSwaps.AsNoTracking().Where(x => x.PracticeId == practiceId).OrderBy(x => x.Id).ToListAsync(),
            ["nudges"] = await db.Nudges.AsNoTracking().Where(x => x.PracticeId == practiceId).OrderBy(x => x.Id).ToListAsync(),
            ["syncs"] = await db.SourceSyncs.AsNoTracking().Where(x => x.PracticeId == practiceId).OrderBy(x => x.Id).ToListAsync(),
            ["audit"] = await db.AuditEntries.AsNoTracking().Where(x => x.PracticeId == practiceId).OrderBy(x => x.Id).Select(x => x.Id).ToListAsync(),
            ["outbox"] = await db.Outbox.AsNoTracking().Where(x => x.PracticeId == practiceId).OrderBy(x => x.Id).Select(x => x.Id).ToListAsync(),
        };
        return JsonSerializer.Serialize(snapshot);
    });

    /// <summary>The refusals recorded for one person after audit row <paramref name="afterId"/>.</summary>
    public Task<List<AuditEntry>> RefusalsAsync(string actor, long afterId) => WithDbAsync(db =>
        db.AuditEntries.AsNoTracking()
            .Where(a => a.Id > afterId && a.Actor == actor && a.Action == RefusalAuditMiddleware.Refused)
            .OrderBy(a => a.Id)
            .ToListAsync());

    public Task<long> LastAuditIdAsync() => WithDbAsync(async db =>
        await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Select(a => a.Id).FirstOrDefaultAsync());

    private static async Task<Practice> AddPracticeAsync(
        PracticeBotDb db, string name, string slug, string slackTeam, string slackChannel, string teamsTeam, DateTimeOffset now)
    {
        var practice = new Practice
        {
            Name = name,
            Slug = slug,
            TimeZone = "America/Chicago",
            Channel = new ConversationReference(Platforms.Slack, slackTeam, slackChannel),
            CreatedAt = now,
        };
        db.Practices.Add(practice);
        await db.SaveChangesAsync();
        db.WorkspaceBindings.Add(new WorkspaceBinding { PracticeId = practice.Id, Platform = Platforms.Slack, WorkspaceId = slackTeam, CreatedAt = now });
        db.WorkspaceBindings.Add(new WorkspaceBinding { PracticeId = practice.Id, Platform = Platforms.Teams, WorkspaceId = TeamsTenant, TeamId = teamsTeam, CreatedAt = now });
        return practice;
    }

    private static Member NewMember(Practice practice, string platform, string userId, string name, Role roles, DateTimeOffset now) => new()
    {
        PracticeId = practice.Id, Platform = platform, UserId = userId, DisplayName = name, Roles = roles, JoinedAt = now,
    };

    private static Review NewReview(Practice practice, int number, ReviewStatus status, string text, string author, DateTimeOffset now) => new()
    {
        PracticeId = practice.Id,
        Number = number,
        Source = "google",
        ExternalId = $"{practice.Slug}-{number}",
        Rating = 4,
        Author = author,
        Text = text,
        // Recent, so the SLA sweep has nothing to say about either practice while the matrix runs.
        CreatedAt = now.AddMinutes(-20),
        ReceivedAt = now.AddMinutes(-10),
        Status = status,
    };
}
