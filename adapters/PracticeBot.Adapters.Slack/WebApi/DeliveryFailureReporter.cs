using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;

namespace PracticeBot.Adapters.Slack.WebApi;

/// <summary>
/// Tells a practice's managers, by direct message through the outbox, that Slack refused a message for good
/// (channel archived, bot removed, token revoked…), so a missing card does not go unnoticed. A failed direct message
/// is not reported again: that would only fail the same way.
/// </summary>
public sealed partial class DeliveryFailureReporter(IServiceScopeFactory scopes, ILogger<DeliveryFailureReporter> logger)
{
    public async Task ReportAsync(OutboundDelivery delivery, string error, CancellationToken ct)
    {
        if (delivery.Target.Visibility == MessageVisibility.Direct)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
            var conversation = delivery.Target.Conversation;
            var practiceId = await scope.ServiceProvider.GetRequiredService<WorkspaceDirectory>().FindPracticeIdAsync(conversation, ct);
            if (practiceId is not { } id)
            {
                return;
            }

            db.PracticeScope = id;
            var managers = await db.Members
                .Where(m => m.PracticeId == id && m.Platform == Platforms.Slack && ((int)m.Roles & (int)Role.Manager) != 0)
                .Select(m => m.UserId)
                .ToListAsync(ct);
            var outbox = scope.ServiceProvider.GetRequiredService<OutboxWriter>();
            var where = conversation.ChannelId.Length > 0 ? $"<#{conversation.ChannelId}>" : "a conversation";
            foreach (var manager in managers)
            {
                outbox.Enqueue(id, MessageTarget.DirectTo(conversation, manager), OutboundMessage.Plain(
                    $"I couldn't deliver a message to {where}: Slack answered `{error}`, so I gave up on it (outbox #{delivery.OutboxId}). " +
                    "If the channel was archived or I was removed from it, invite me back (`/invite @PracticeBot`) or run " +
                    "`/practice setup` where the cards should go from now on."));
            }

            await db.SaveChangesAsync(ct);
            LogReported(logger, delivery.OutboxId, error, managers.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The report is a courtesy: failing to write it must not turn Slack's permanent answer into a retry.
            LogReportFailed(logger, delivery.OutboxId, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox row {OutboxId} failed for good on Slack ({Error}); told {Managers} manager(s)")]
    private static partial void LogReported(ILogger logger, long outboxId, string error, int managers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not report the failure of outbox row {OutboxId} to managers ({ExceptionType})")]
    private static partial void LogReportFailed(ILogger logger, long outboxId, string exceptionType);
}
