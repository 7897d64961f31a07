using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using PracticeBot.Adapters.Slack.Blocks;
using PracticeBot.Adapters.Slack.Home;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Outbox;

namespace PracticeBot.Adapters.Slack.WebApi;

/// <summary>
/// Delivers outbox rows on Slack: <c>chat.postMessage</c> (after <c>conversations.open</c> for a direct message),
/// <c>chat.postEphemeral</c>, <c>chat.update</c> of the earlier copy of a card, or <c>views.publish</c> of a person's App Home. Slack's answer is classified:
/// rate limits and outages are tried again (honouring <c>Retry-After</c>), anything else is dead-lettered with
/// Slack's error code and reported to the practice's managers.
/// </summary>
/// <remarks>
/// <para>
/// Every post carries message metadata naming its outbox row (<see cref="SlackOutboxMetadata"/>). When the outbox says
/// an earlier attempt may already have reached Slack (<see cref="OutboundDelivery.InDoubtSince"/>), the channel's
/// history since that attempt is searched for the row's metadata first, and a copy found there is reported as sent
/// instead of posting another. An update is repeated as it is (<c>chat.update</c> of the same content is harmless),
/// and an ephemeral message is re-sent: Slack keeps no history of those, and a duplicate is seen only by its user.
/// </para>
/// Files of the message (the check-in chart) are uploaded after the message, with Slack's external upload flow, to the
/// conversation it landed in. Slack has no ephemeral files, so an ephemeral message goes without them. A file that
/// fails to upload is logged (its name and Slack's error, never its contents) and does not make the delivered message
/// be sent again. A message found by the look-up above gets no files: whether they went up before the crash is not
/// known, and a missing chart is better than a doubled one.
/// </remarks>
public sealed partial class SlackPlatformSender(
    SlackApiClient api, SlackTokenStore tokens, DeliveryFailureReporter reporter, AppHomePublisher home, ILogger<SlackPlatformSender> logger) : IPlatformSender
{
    /// <summary>Errors of <c>chat.update</c> after which posting a fresh copy is the honest fallback.</summary>
    private static readonly HashSet<string> CannotUpdate = new(StringComparer.Ordinal) { "message_not_found", "cant_update_message", "edit_window_closed" };

    public string Platform => Platforms.Slack;

    public async Task<DeliveryResult> SendAsync(OutboundDelivery delivery, CancellationToken cancellationToken)
    {
        var conversation = delivery.Target.Conversation;
        if (delivery.Target.Visibility == MessageVisibility.Home && delivery.Target.UserId is { Length: > 0 } person)
        {
            // A home is published afresh from the current data (views.publish replaces the whole view), so it needs no look-up.
            return await home.RefreshAsync(conversation.WorkspaceId, conversation.EnterpriseId, person, cancellationToken);
        }

        var token = await tokens.GetBotTokenAsync(conversation.WorkspaceId, conversation.EnterpriseId, cancellationToken);
        if (token is null)
        {
            return await GiveUpAsync(delivery, "no_bot_token", cancellationToken);
        }

        var body = BlockKitRenderer.RenderMessage(delivery.Message);
        try
        {
            if (delivery.Replace is { } earlier && delivery.Target.Visibility != MessageVisibility.Ephemeral)
            {
                try
                {
                    var updated = await api.UpdateMessageAsync(token, earlier.ChannelId, earlier.MessageId, body, cancellationToken);
                    await UploadFilesAsync(token, delivery, updated.Channel, cancellationToken);
                    return DeliveryResult.Delivered(updated.Channel, updated.Ts);
                }
                catch (SlackApiException ex) when (CannotUpdate.Contains(ex.Error))
                {
                    // The earlier copy is gone or frozen: post the card afresh below.
                }
            }

            var (result, reconciled) = await PostAsync(token, delivery, body, cancellationToken);
            if (!reconciled && result.Sent is { ChannelId: { Length: > 0 } channel })
            {
                await UploadFilesAsync(token, delivery, channel, cancellationToken);
            }

            return result;
        }
        catch (SlackApiException ex) when (ex.IsTransient)
        {
            // Only a post that may have happened needs a look-up next time: an update or an ephemeral is simply repeated.
            return DeliveryResult.TryLater(ex.Error, ex.RetryAfter, mayHaveArrived: ex.MayHaveBeenProcessed && ex.Method == "chat.postMessage");
        }
        catch (SlackApiException ex)
        {
            return await GiveUpAsync(delivery, ex.Error, cancellationToken);
        }
    }

    /// <returns>The result, and whether it is a copy an earlier attempt had already posted.</returns>
    private async Task<(DeliveryResult Result, bool Reconciled)> PostAsync(string token, OutboundDelivery delivery, JsonObject body, CancellationToken ct)
    {
        var target = delivery.Target;
        var conversation = target.Conversation;
        if (target.Visibility == MessageVisibility.Ephemeral && target.UserId is { Length: > 0 } user)
        {
            var ts = await api.PostEphemeralAsync(token, conversation.ChannelId, user, body, conversation.ThreadId, ct);
            return (DeliveryResult.Delivered(conversation.ChannelId, ts), false);
        }

        var (channel, thread) = target.Visibility == MessageVisibility.Direct && target.UserId is { Length: > 0 } recipient
            ? (await api.OpenConversationAsync(token, recipient, ct), (string?)null)
            : (conversation.ChannelId, conversation.ThreadId);
        if (delivery.InDoubtSince is { } since && await FindEarlierCopyAsync(token, delivery.OutboxId, channel, thread, since, ct) is { } earlier)
        {
            LogReconciled(logger, delivery.OutboxId);
            return (DeliveryResult.Delivered(earlier.Channel, earlier.Ts), true);
        }

        var posted = await api.PostMessageAsync(token, channel, body, thread, SlackOutboxMetadata.For(delivery.OutboxId), ct);
        return (DeliveryResult.Delivered(posted.Channel, posted.Ts), false);
    }

    /// <summary>
    /// The copy an earlier attempt posted, if the conversation has it. A look-up Slack refuses for good (an install
    /// without the history scopes: <c>missing_scope</c>) does not stop the message: it is posted, at the risk of a
    /// duplicate. A transient failure throws, and the row waits like any other.
    /// </summary>
    private async Task<SlackMessageRef?> FindEarlierCopyAsync(string token, long outboxId, string channel, string? thread, DateTimeOffset since, CancellationToken ct)
    {
        try
        {
            return await api.FindMessageAsync(
                token, channel, thread, since - SlackOutboxMetadata.ClockSkew, m => SlackOutboxMetadata.Names(m, outboxId), SlackOutboxMetadata.MaxHistoryPages, ct);
        }
        catch (SlackApiException ex) when (!ex.IsTransient)
        {
            LogLookupRefused(logger, outboxId, ex.Error);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {OutboxId} may already be in its Slack conversation, but Slack refused the look-up ({Error}): posting it again")]
    private static partial void LogLookupRefused(ILogger logger, long outboxId, string error);

    private async Task UploadFilesAsync(string token, OutboundDelivery delivery, string channel, CancellationToken ct)
    {
        if (delivery.Message.Files is not { Count: > 0 } files)
        {
            return;
        }

        if (delivery.Target.Visibility == MessageVisibility.Ephemeral)
        {
            LogFilesNotSentEphemeral(logger, files.Count);
            return;
        }

        var thread = delivery.Target.Visibility == MessageVisibility.Direct ? null : delivery.Target.Conversation.ThreadId;
        foreach (var file in files)
        {
            try
            {
                await api.UploadFileAsync(token, channel, thread, file.Name, file.AltText, file.Content, ct);
            }
            catch (SlackApiException ex)
            {
                LogFileUploadFailed(logger, file.Name, ex.Error);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox row {OutboxId} was already in the Slack conversation (found by its metadata): recorded as sent, not posted again")]
    private static partial void LogReconciled(ILogger logger, long outboxId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack has no ephemeral files: {Count} file(s) of an ephemeral message were not sent")]
    private static partial void LogFilesNotSentEphemeral(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not upload the file {FileName} to Slack: {Error}")]
    private static partial void LogFileUploadFailed(ILogger logger, string fileName, string error);

    private async Task<DeliveryResult> GiveUpAsync(OutboundDelivery delivery, string error, CancellationToken ct)
    {
        await reporter.ReportAsync(delivery, error, ct);
        return DeliveryResult.GiveUp(error);
    }
}
