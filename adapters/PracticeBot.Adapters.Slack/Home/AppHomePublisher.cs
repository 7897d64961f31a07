using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PracticeBot.Adapters.Slack.Blocks;
using PracticeBot.Adapters.Slack.WebApi;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Home;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;

namespace PracticeBot.Adapters.Slack.Home;

/// <summary>
/// The App Home tab, published with <c>views.publish</c>: the person's home (<see cref="PersonHome"/>: their next posting
/// duty with Done, their claimed reviews and the practice's open negative reviews with Open, and for managers the drafts
/// waiting for their approval), read through the core's storage scoped to the workspace's practice. Published when
/// someone opens the tab, and when a refresh row of the outbox (<see cref="MessageVisibility.Home"/>) is delivered
/// after a change that concerns them.
/// </summary>
public sealed partial class AppHomePublisher(
    IServiceScopeFactory scopes,
    SlackApiClient api,
    SlackTokenStore tokens,
    ILogger<AppHomePublisher> logger)
{
    /// <summary>When someone opens the tab: published now; a failure is logged (the next opening tries again).</summary>
    public async Task PublishAsync(string workspaceId, string userId, CancellationToken ct)
    {
        var result = await RefreshAsync(workspaceId, null, userId, ct);
        if (result.Outcome != DeliveryOutcome.Sent)
        {
            LogPublishFailed(logger, result.Error ?? "unknown");
        }
    }

    /// <summary>Publishes the home from the data as it is now; Slack's answer classified as for any delivery.</summary>
    public async Task<DeliveryResult> RefreshAsync(string workspaceId, string? enterpriseId, string userId, CancellationToken ct)
    {
        if (await tokens.GetBotTokenAsync(workspaceId, enterpriseId, ct) is not { } token)
        {
            return DeliveryResult.GiveUp("no_bot_token");
        }

        var card = await BuildAsync(workspaceId, userId, ct);
        try
        {
            await api.PublishViewAsync(token, userId, BlockKitRenderer.RenderHome(card), ct);
            return DeliveryResult.Delivered("home", userId);
        }
        catch (SlackApiException ex) when (ex.IsTransient)
        {
            return DeliveryResult.TryLater(ex.Error, ex.RetryAfter);
        }
        catch (SlackApiException ex)
        {
            return DeliveryResult.GiveUp(ex.Error);
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
        return await scope.ServiceProvider.GetRequiredService<PersonHome>().BuildAsync(practice, member, ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "views.publish of the App Home failed with {Error}")]
    private static partial void LogPublishFailed(ILogger logger, string error);
}
