using PracticeBot.Core.CheckIns;
using PracticeBot.Core.Practices;

namespace PracticeBot.Core.Tests.CheckIns;

/// <summary>Each stall rule at its threshold (a stall) and a minute short of it (none). Now is Monday 30 Nov 2026, 15:00 UTC.</summary>
public sealed class StallDetectorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void NoRecentPost_ExactlyFourteenDays_Stalls()
    {
        var stalls = Detect(Quiet() with { LastPostAt = Now - TimeSpan.FromDays(14) });

        var stall = Assert.Single(stalls);
        Assert.Equal((StallRule.NoRecentPost, StallOwner.Volunteers, "No post in 14 days."), (stall.Rule, stall.Owner, stall.What));
    }

    [Fact]
    public void NoRecentPost_AMinuteShortOfFourteenDays_IsFine()
    {
        Assert.Empty(Detect(Quiet() with { LastPostAt = Now - TimeSpan.FromDays(14) + Minute }));
    }

    [Fact]
    public void NoRecentPost_NeverPosted_CountsFromWhenThePlanWasSet()
    {
        Assert.Empty(Detect(Quiet() with { PlanOnSince = Now - TimeSpan.FromDays(13), LastPostAt = null }));
        Assert.Equal(StallRule.NoRecentPost, Assert.Single(Detect(Quiet() with { PlanOnSince = Now - TimeSpan.FromDays(14), LastPostAt = null })).Rule);
    }

    [Fact]
    public void PostingRules_PlanOff_NeverStall()
    {
        Assert.Empty(Detect(Quiet() with { PlanOnSince = null, LastPostAt = null, ActiveVolunteers = 0, Slots = [.. Week(16, 0, 3), .. Week(23, 0, 3)] }));
    }

    [Fact]
    public void PostsBelowPlan_TwoWeeksInARow_Stalls()
    {
        var stall = Assert.Single(Detect(Quiet() with { Slots = [.. Week(16, 1, 3), .. Week(23, 2, 3)] }));

        Assert.Equal(StallRule.PostsBelowPlan, stall.Rule);
        Assert.Equal("Posts have been below plan 2 weeks in a row (3 of 6 done).", stall.What);
    }

    [Fact]
    public void PostsBelowPlan_NothingPostedForFourteenDays_IsReportedOnceAsNoPost()
    {
        var stall = Assert.Single(Detect(Quiet() with { Slots = [.. Week(16, 0, 3), .. Week(23, 0, 3)], LastPostAt = Now - TimeSpan.FromDays(20) }));

        Assert.Equal(StallRule.NoRecentPost, stall.Rule);
    }

    [Fact]
    public void PostsBelowPlan_OnlyLastWeekShort_IsFine()
    {
        Assert.Empty(Detect(Quiet() with { Slots = [.. Week(16, 3, 3), .. Week(23, 0, 3)] }));
    }

    [Fact]
    public void PostsBelowPlan_ThresholdOfThreeWeeks_NeedsThree()
    {
        var settings = new PracticeSettings { StallBelowPlanWeeks = 3 };
        Assert.Empty(StallDetector.Detect(Quiet() with { Slots = [.. Week(16, 0, 3), .. Week(23, 0, 3)] }, settings));
        Assert.Single(StallDetector.Detect(Quiet() with { Slots = [.. Week(9, 0, 3), .. Week(16, 0, 3), .. Week(23, 0, 3)] }, settings));
    }

    [Fact]
    public void NoActiveVolunteers_NoneAvailable_StallsForManagers()
    {
        var stall = Assert.Single(Detect(Quiet() with { ActiveVolunteers = 0 }));

        Assert.Equal((StallRule.NoActiveVolunteers, StallOwner.Managers), (stall.Rule, stall.Owner));
    }

    [Fact]
    public void ReviewOverdue_ExactlyAtTarget_StallsForItsClaimant()
    {
        var stall = Assert.Single(Detect(Quiet() with { Reviews = [Review(7, received: Now - TimeSpan.FromHours(72), claimedBy: 5)] }));

        Assert.Equal((StallRule.ReviewOverdue, "review:7", StallOwner.Member, 5L), (stall.Rule, stall.Item, stall.Owner, stall.OwnerMemberId!.Value));
        Assert.Equal("Review #7 has waited 3 days for a reply (target: 72 h).", stall.What);
    }

    [Fact]
    public void ReviewOverdue_AMinuteBeforeTarget_IsFine()
    {
        Assert.Empty(Detect(Quiet() with { Reviews = [Review(7, received: Now - TimeSpan.FromHours(72) + Minute)] }));
    }

    [Fact]
    public void ReviewOverdue_Unclaimed_GoesToResponders()
    {
        var stall = Assert.Single(Detect(Quiet() with { Reviews = [Review(7, received: Now - TimeSpan.FromHours(24), target: TimeSpan.FromHours(24))] }));

        Assert.Equal((StallOwner.Responders, "Review #7 has waited 24 h for a reply (target: 24 h)."), (stall.Owner, stall.What));
    }

    [Fact]
    public void ClaimUntouched_ExactlyThreeDays_Stalls()
    {
        var review = Review(8, received: Now - TimeSpan.FromDays(4), claimedBy: 5, touched: Now - TimeSpan.FromDays(3), target: TimeSpan.FromDays(7));

        var stall = Assert.Single(Detect(Quiet() with { Reviews = [review] }));

        Assert.Equal((StallRule.ClaimUntouched, 5L), (stall.Rule, stall.OwnerMemberId!.Value));
    }

    [Fact]
    public void ClaimUntouched_AMinuteShort_IsFine()
    {
        var review = Review(8, received: Now - TimeSpan.FromDays(4), claimedBy: 5, touched: Now - TimeSpan.FromDays(3) + Minute, target: TimeSpan.FromDays(7));

        Assert.Empty(Detect(Quiet() with { Reviews = [review] }));
    }

    [Fact]
    public void ClaimUntouched_WaitingOnAManager_IsNotTheClaimantsStall()
    {
        var review = Review(8, received: Now - TimeSpan.FromDays(5), claimedBy: 5, touched: Now - TimeSpan.FromDays(5), target: TimeSpan.FromDays(7)) with { OwnerWorking = false };

        Assert.Empty(Detect(Quiet() with { Reviews = [review] }));
    }

    [Fact]
    public void SourceNotSyncing_ExactlyTwoDays_StallsForManagers()
    {
        var stall = Assert.Single(Detect(Quiet() with { Sources = [new StallSource("google", Now - TimeSpan.FromDays(2)), new StallSource("yelp", Now - TimeSpan.FromDays(2) + Minute)] }));

        Assert.Equal((StallRule.SourceNotSyncing, "source:google", StallOwner.Managers), (stall.Rule, stall.Item, stall.Owner));
        Assert.Equal("Google reviews haven't synced in 2 days.", stall.What);
    }

    [Fact]
    public void SourceNotSyncing_NeverSynced_IsLeftToTheSyncAlerts()
    {
        Assert.Empty(Detect(Quiet() with { Sources = [new StallSource("google", null)] }));
    }

    [Fact]
    public void Thresholds_FromSettings_AreUsed()
    {
        var settings = new PracticeSettings { StallNoPostDays = 7, StallSourceUnsyncedDays = 5 };
        var inputs = Quiet() with { LastPostAt = Now - TimeSpan.FromDays(7), Sources = [new StallSource("google", Now - TimeSpan.FromDays(4))] };

        Assert.Equal(StallRule.NoRecentPost, Assert.Single(StallDetector.Detect(inputs, settings)).Rule);
    }

    /// <summary>An active plan, a post yesterday, two volunteers, nothing waiting: no stall.</summary>
    private static StallInputs Quiet() =>
        new(Now, Today, Now - TimeSpan.FromDays(60), [.. Week(16, 3, 3), .. Week(23, 3, 3)], Now - TimeSpan.FromDays(1), 2, [], []);

    private static IReadOnlyList<Stall> Detect(StallInputs inputs) => StallDetector.Detect(inputs, new PracticeSettings());

    /// <summary><paramref name="planned"/> slots in the week starting Monday <paramref name="mondayOfNovember"/>, the first <paramref name="done"/> done.</summary>
    private static IEnumerable<StallSlot> Week(int mondayOfNovember, int done, int planned) =>
        Enumerable.Range(0, planned).Select(i => new StallSlot(new DateOnly(2026, 11, mondayOfNovember).AddDays(i * 2), i < done));

    private static StallReview Review(int number, DateTimeOffset received, long? claimedBy = null, DateTimeOffset? touched = null, TimeSpan? target = null) =>
        new(number, received, target ?? TimeSpan.FromHours(72), claimedBy, claimedBy is not null, touched ?? received);
}
