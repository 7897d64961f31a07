using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Audit;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Middleware;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Tests.Reviews;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Conversation;

/// <summary>
/// A refused turn leaves a trace: who asked, for what, from where, and why not, in the audit log, written in one place
/// (<see cref="RefusalAuditMiddleware"/>) whichever part of the pipeline said no.
/// </summary>
public sealed class RefusalAuditTests
{
    /// <summary>Sunrise (workspace T1, reviews 1–3) and a second practice in workspace T2 with reviews 1–5.</summary>
    private static async Task<CoreHarness> TwoPracticesAsync()
    {
        var bot = await ReviewCommandsTests.PracticeWithReviewsAsync();
        await bot.CommandAsync("U-other", "practice setup Other America/Chicago", workspace: "T2");
        await using var db = bot.OpenDb();
        var other = await db.Practices.SingleAsync(p => p.Slug == "other");
        for (var n = 1; n <= 5; n++)
        {
            db.Reviews.Add(new Review
            {
                PracticeId = other.Id, Number = n, Source = "google", ExternalId = $"o-{n}", Rating = 3, Text = "Other practice's review",
                CreatedAt = bot.Time.GetUtcNow(), ReceivedAt = bot.Time.GetUtcNow(), Status = n == 5 ? ReviewStatus.AwaitingApproval : ReviewStatus.New,
            });
        }

        other.LastReviewNumber = 5;
        await db.SaveChangesAsync();
        return bot;
    }

    private static async Task<List<AuditEntry>> RefusalsAsync(CoreHarness bot)
    {
        await using var db = bot.OpenDb();
        return await db.AuditEntries.Where(a => a.Action == RefusalAuditMiddleware.Refused).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task Command_FromWorkspaceNotSetUp_RefusalAuditedWithoutPractice()
    {
        await using var bot = await TwoPracticesAsync();

        var result = await bot.CommandAsync("U-stranger", "review claim 4", workspace: "T9", channel: "C9");

        Assert.Equal(TenantMiddleware.NotSetUp, CoreHarness.Text(result));
        var refusal = Assert.Single(await RefusalsAsync(bot));
        Assert.Equal(
            ((long?)null, "slack:U-stranger", "review:4", "command:review claim: workspace not set up", "slack/T9/C9"),
            (refusal.PracticeId, refusal.Actor, refusal.Subject, refusal.Detail, refusal.Origin));
        Assert.Equal(result.CorrelationId, refusal.CorrelationId);
    }

    [Fact]
    public async Task Command_WithoutTheRole_RefusalAuditedForThePersonsPractice()
    {
        await using var bot = await TwoPracticesAsync();

        await bot.CommandAsync("U-ann", "review approve 1");

        var refusal = Assert.Single(await RefusalsAsync(bot));
        await using var db = bot.OpenDb();
        var sunrise = await db.Practices.SingleAsync(p => p.Slug == "sunrise");
        Assert.Equal((sunrise.Id, "slack:U-ann", "review:1"), (refusal.PracticeId!.Value, refusal.Actor, refusal.Subject));
        Assert.Equal("command:review approve: needs managers", refusal.Detail);
    }

    [Fact]
    public async Task Claim_NumberOnlyAnotherPracticeHas_RefusedAuditedAndTheirReviewUntouched()
    {
        await using var bot = await TwoPracticesAsync();

        var result = await bot.CommandAsync("U-ann", "review claim 4");

        Assert.Contains("There's no review #4", CoreHarness.Text(result), StringComparison.Ordinal);
        var refusal = Assert.Single(await RefusalsAsync(bot));
        Assert.Equal(("review:4", "command:review claim: no such review in this practice"), (refusal.Subject, refusal.Detail));
        await using var db = bot.OpenDb();
        var other = await db.Practices.SingleAsync(p => p.Slug == "other");
        var theirs = await db.Reviews.Where(r => r.PracticeId == other.Id).OrderBy(r => r.Number).ToListAsync();
        Assert.Equal(ReviewStatus.New, theirs[3].Status);
        Assert.Null(theirs[3].ClaimedByMemberId);
    }

    [Fact]
    public async Task RejectButton_NumberOnlyAnotherPracticeHas_RefusedWithoutOpeningTheForm()
    {
        await using var bot = await TwoPracticesAsync();

        var result = await bot.PressAsync("U-owner", ReviewActions.Reject, "5");

        Assert.DoesNotContain(result.Replies, r => r.Message.Card?.Blocks.OfType<TextInputBlock>().Any() == true);
        Assert.Contains("There's no review #5", CoreHarness.Text(result), StringComparison.Ordinal);
        var refusal = Assert.Single(await RefusalsAsync(bot));
        Assert.Equal(("review:5", "action:review.reject: no such review in this practice"), (refusal.Subject, refusal.Detail));
    }

    [Fact]
    public async Task Claim_FirstTurnOfANewPersonRefused_AuditedOnlyAsRefused()
    {
        await using var bot = await TwoPracticesAsync();
        await bot.CommandAsync("U-owner", "practice role <@U-new|New> responder");

        await bot.CommandAsync("U-new", "review claim 4");

        await using var db = bot.OpenDb();
        var theirs = await db.AuditEntries.Where(a => a.Actor == "slack:U-new").Select(a => a.Action).ToListAsync();
        Assert.Equal([RefusalAuditMiddleware.Refused], theirs);
    }

    [Fact]
    public async Task Command_Allowed_WritesNoRefusal()
    {
        await using var bot = await TwoPracticesAsync();

        await bot.CommandAsync("U-ann", "review claim 1");
        await bot.CommandAsync("U-ann", "review 2");

        Assert.Empty(await RefusalsAsync(bot));
    }
}
