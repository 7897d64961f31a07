using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PracticeBot.Adapters.Teams.Inbound;
using PracticeBot.Adapters.Teams.Protocol;
using PracticeBot.Adapters.Teams.Rendering;
using PracticeBot.Adapters.Teams.Storage;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Outbox;

namespace PracticeBot.Adapters.Teams.Outbound;

/// <summary>
/// Delivers outbox rows to Teams: a card update is a PUT of the earlier activity; a channel message is a send (or a
/// reply in its thread); a direct or "ephemeral" message (Teams has none) opens a one-to-one chat with the user and
/// sends there. The connector's answer is classified, never thrown.
/// </summary>
/// <remarks>
/// After a crash or a timeout the outbox may not know whether an earlier attempt reached Teams
/// (<see cref="OutboundDelivery.InDoubtSince"/>). An update is a PUT of the same activity id and is simply repeated. A
/// new activity is sent again: the Bot Framework connector has no way to look up what a bot posted, and a lost review
/// card is worse than a rare duplicate (see docs/connect-teams.md for the window that leaves).
/// </remarks>
public sealed partial class TeamsPlatformSender(IServiceScopeFactory scopes, IOptions<TeamsOptions> options, ILogger<TeamsPlatformSender> logger)
    : IPlatformSender
{
    public const string MessageWritesBlocked = "MessageWritesBlocked";

    public string Platform => Platforms.Teams;

    public async Task<DeliveryResult> SendAsync(OutboundDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        await using var scope = scopes.CreateAsyncScope();
        var connector = scope.ServiceProvider.GetRequiredService<ConnectorClient>();
        var store = scope.ServiceProvider.GetRequiredService<TeamsConversationStore>();
        var conversation = delivery.Target.Conversation;
        var activity = ActivityRenderer.Render(delivery.Message);
        try
        {
            var known = conversation.ServiceUrl is null || delivery.Target.Visibility != MessageVisibility.InChannel
                ? await store.LatestOfWorkspaceAsync(conversation.WorkspaceId, cancellationToken)
                : null;
            if ((conversation.ServiceUrl ?? known?.ServiceUrl) is not { Length: > 0 } serviceUrl)
            {
                return DeliveryResult.GiveUp($"no Teams service URL known for workspace {conversation.WorkspaceId}: the app is not installed there");
            }

            if (!await store.MayCallAsync(serviceUrl, options.Value.IsLocalMode, cancellationToken))
            {
                // A bot token must only ever go to the connector an authenticated activity named.
                LogUntrustedServiceUrl(logger, delivery.OutboxId, conversation.WorkspaceId);
                return DeliveryResult.GiveUp($"the Teams service URL of workspace {conversation.WorkspaceId} did not arrive on an authenticated activity, so nothing is sent there");
            }

            if (delivery.Replace is null && delivery.InDoubtSince is not null)
            {
                LogResendInDoubt(logger, delivery.OutboxId);
            }

            if (delivery.Replace is { } replace)
            {
                var updated = await connector.UpdateActivityAsync(serviceUrl, replace.ChannelId, replace.MessageId, activity, cancellationToken);
                return Failure(updated) ?? DeliveryResult.Delivered(replace.ChannelId, replace.MessageId);
            }

            if (delivery.Target.Visibility == MessageVisibility.InChannel)
            {
                var sent = conversation.ThreadId is { Length: > 0 } thread
                    ? await connector.ReplyToActivityAsync(serviceUrl, conversation.ChannelId, thread, activity, cancellationToken)
                    : await connector.SendToConversationAsync(serviceUrl, conversation.ChannelId, activity, cancellationToken);
                return Failure(sent) ?? DeliveryResult.Delivered(conversation.ChannelId, sent.Body?.Id ?? "");
            }

            return await SendDirectAsync(connector, delivery, serviceUrl, known, activity, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            LogSendFailed(logger, delivery.OutboxId, ex.GetType().Name);
            var neverSent = ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
            return DeliveryResult.TryLater($"Teams connector unreachable ({ex.StatusCode?.ToString() ?? ex.HttpRequestError.ToString()})", mayHaveArrived: !neverSent);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.TryLater("Teams connector timed out", mayHaveArrived: true);
        }
    }

    private async Task<DeliveryResult> SendDirectAsync(
        ConnectorClient connector,
        OutboundDelivery delivery,
        string serviceUrl,
        TeamsConversation? known,
        Activity activity,
        CancellationToken cancellationToken)
    {
        if (delivery.Target.UserId is not { Length: > 0 } userId)
        {
            return DeliveryResult.GiveUp("a direct message needs a user id");
        }

        var tenantId = known?.TenantId is { Length: > 0 } tenant ? tenant : delivery.Target.Conversation.WorkspaceId;
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = known?.BotId ?? $"28:{options.Value.AppId}" },
            Members = [new ChannelAccount { Id = userId }],
            TenantId = tenantId,
            ChannelData = new TeamsChannelData { Tenant = new TeamsInfo { Id = tenantId } },
        };
        var created = await connector.CreateConversationAsync(serviceUrl, parameters, cancellationToken);
        if (Failure(created) is { } failed)
        {
            return failed;
        }

        if (created.Body?.Id is not { Length: > 0 } chatId)
        {
            return DeliveryResult.TryLater("the connector created a conversation without an id");
        }

        var chatServiceUrl = created.Body.ServiceUrl is { Length: > 0 } url ? url : serviceUrl;
        var sent = await connector.SendToConversationAsync(chatServiceUrl, chatId, activity, cancellationToken);
        return Failure(sent) ?? DeliveryResult.Delivered(chatId, sent.Body?.Id ?? "");
    }

    /// <summary>Null when it worked; otherwise whether to try again (and when) or give up.</summary>
    internal static DeliveryResult? Failure<T>(ConnectorResponse<T> response)
    {
        if (response.Succeeded)
        {
            return null;
        }

        var status = (int)response.Status;
        if (string.Equals(response.ErrorCode, MessageWritesBlocked, StringComparison.OrdinalIgnoreCase))
        {
            return DeliveryResult.GiveUp(MessageWritesBlocked);
        }

        var error = $"Teams connector answered {status}{(response.ErrorCode is { } code ? " " + code : "")}";
        return response.Status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway
            or HttpStatusCode.GatewayTimeout or HttpStatusCode.ServiceUnavailable or HttpStatusCode.InternalServerError
            or HttpStatusCode.RequestTimeout or HttpStatusCode.Unauthorized
            ? DeliveryResult.TryLater(error, response.RetryAfter)
            : DeliveryResult.GiveUp(error);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {OutboxId} was not sent: the Teams service URL of workspace {WorkspaceId} did not arrive on an authenticated activity (or, in local mode, is not a loopback address)")]
    private static partial void LogUntrustedServiceUrl(ILogger logger, long outboxId, string workspaceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {OutboxId} may already be in its Teams conversation (an earlier attempt did not finish): Teams has no look-up, so it is sent again")]
    private static partial void LogResendInDoubt(ILogger logger, long outboxId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {OutboxId}: the Teams connector could not be reached ({Error})")]
    private static partial void LogSendFailed(ILogger logger, long outboxId, string error);
}
