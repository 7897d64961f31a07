using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PracticeBot.Adapters.Slack.Blocks;
using PracticeBot.Adapters.Slack.WebApi;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Storage;

namespace PracticeBot.Adapters.Slack.Home;

/// <summary>
/// The App Home tab, published with <c>views.publish</c> when someone opens it: their next posting duty, their claimed
/// reviews and the practice's open negative reviews, read through the core's storage scoped to the workspace's practice.
/// </summary>
public sealed partial class AppHomePublisher(
    IServiceScopeFactory scopes,
    SlackApiClient api,
    SlackTokenStore tokens,
    TimeProvider time,
    ILogger<AppHomePublisher> logger)
{
    private const int Shown = 10;

    private static readonly ReviewStatus[] Open =
        [ReviewStatus.New, ReviewStatus.Claimed, ReviewStatus.Drafted, ReviewStatus.AwaitingApproval, ReviewStatus.Approved, ReviewStatus.Escalated];

    public async Task PublishAsync(string workspaceId, string userId, CancellationToken ct)
    {
        if (await tokens.GetBotTokenAsync(workspaceId, ct) is not { } token)
        {
            return;
        }

        var card = await BuildAsync(workspaceId, userId, ct);
        try
        {
            await api.PublishViewAsync(token, userId, BlockKitRenderer.RenderHome(card), ct);
        }
        catch (SlackApiException ex)
        {
            LogPublishFailed(logger, ex.Error);
        }
    }

    public async Task<Card> BuildAsync(string workspaceId, string userId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        var conversation = new ConversationReference(Platforms.Slack, workspaceId, "");
        var practiceId = await scope.ServiceProvider.GetRequiredService<WorkspaceDirectory>().FindPracticeIdAsync(conversation, ct);
        if (practiceId is not { } id)
        {
            return Card.Of(
                new HeaderBlock("PracticeBot"),
                new SectionBlock("PracticeBot isn't set up in this workspace yet. In the channel where review cards should go, run " +
                                 "`/practice setup \"Practice name\" America/Chicago`."));
        }

        db.PracticeScope = id;
        var practice = await db.Practices.AsNoTracking().SingleAsync(p => p.Id == id, ct);
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Platform == Platforms.Slack && m.UserId == userId, ct);
        var memberId = member?.Id ?? -1;
        var mine = await db.Reviews.AsNoTracking()
            .Where(r => r.ClaimedByMemberId == memberId && Open.Contains(r.Status))
            .OrderBy(r => r.Number).Take(Shown).ToListAsync(ct);
        var negative = (await db.Reviews.AsNoTracking()
                .Where(r => Open.Contains(r.Status) && (r.Rating <= 2 || r.Recommendation == "negative"))
                .OrderBy(r => r.Number).Take(Shown).ToListAsync(ct))
            .ToList();

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), ZoneOf(practice.TimeZone)).DateTime);
        var duty = await db.PostingSlots.AsNoTracking()
            .Where(s => s.AssigneeMemberId == memberId && s.Status == SlotStatus.Assigned && s.Date >= today)
            .OrderBy(s => s.Date).FirstOrDefaultAsync(ct);

        var blocks = new List<CardBlock>
        {
            new HeaderBlock($"{practice.Name} — PracticeBot"),
            new SectionBlock("*Your next posting duty*"),
            new ContextBlock([duty is null
                ? "None assigned. `/posting volunteer` puts you in the rotation."
                : $"{duty.Date:dddd d MMMM}{(duty.Network is { } network ? $" on {network}" : "")}. `/posting ideas` suggests what to post."]),
            new SectionBlock("*Reviews you claimed*"),
        };
        blocks.AddRange(mine.Count == 0 ? [new ContextBlock(["None right now. `/review` lists the open ones."])] : mine.Select(Line));
        blocks.Add(new DividerBlock());
        blocks.Add(new SectionBlock("*Open negative reviews*"));
        blocks.AddRange(negative.Count == 0 ? [new ContextBlock(["None open. 🎉"])] : negative.Select(Line));
        blocks.Add(new ContextBlock(["`/review <number>` shows a review; `/practice help` shows everything."]));
        return new Card(blocks);
    }

    private static TimeZoneInfo ZoneOf(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    private static SectionBlock Line(Review review)
    {
        var stars = review.Rating is { } r ? new string('★', r) + new string('☆', 5 - r) : review.Recommendation ?? "";
        var text = review.Text is { Length: > 0 } t ? BlockKitLimits.Truncate(t.ReplaceLineEndings(" "), 200) : "(no text)";
        return new SectionBlock($"*#{review.Number}* {stars} · {review.Source} · {review.Status}\n{text}");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "views.publish of the App Home failed with {Error}")]
    private static partial void LogPublishFailed(ILogger logger, string error);
}
