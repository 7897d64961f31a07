using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using PracticeBot.Adapters.Teams.Protocol;
using PracticeBot.Adapters.Teams.Rendering;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Adapters.Teams.Outbound;

/// <summary>
/// Answers a turn on Teams. A message is answered by replies to it; an install by messages to the conversation; a
/// card action by the refreshed card in the invoke response (anything else it said follows as messages). Teams has
/// no private replies: "only you" answers go into the same conversation, which is a personal chat most of the time;
/// a reply holding a secret goes to the person's personal chat with the bot instead, and the conversation hears only
/// that it was sent there.
/// </summary>
public sealed partial class TeamsReplier(ConnectorClient connector, ILogger<TeamsReplier> logger)
{
    /// <summary>
    /// The answer to a redelivered card action: the action was taken by the first delivery (its refreshed card went
    /// out then), so this one only says so rather than acting twice.
    /// </summary>
    public static readonly AdaptiveCardInvokeResponse AlreadyTaken =
        new(200, ActivityTypes.MessageContentType, JsonValue.Create("Already done: that action was taken."));

    public const string SentPrivately = "I sent it to you in a private chat.";

    public const string NoPrivateChat =
        "That answer holds a secret, and I could not open a private chat with you to send it, so I won't show it here. " +
        "Open a chat with PracticeBot (Chat → New chat → PracticeBot, or PracticeBot's name → Chat) and send the same command there.";

    public async Task AnswerAsync(Activity inbound, IReadOnlyList<TurnReply> replies, CancellationToken cancellationToken)
    {
        foreach (var reply in replies)
        {
            await AnswerAsync(inbound, reply, cancellationToken);
        }
    }

    public async Task<AdaptiveCardInvokeResponse> AnswerInvokeAsync(Activity inbound, IReadOnlyList<TurnReply> replies, CancellationToken cancellationToken)
    {
        var card = replies.FirstOrDefault(r => r.Message.Card is not null && !r.Secret);
        foreach (var reply in replies.Where(r => !ReferenceEquals(r, card)))
        {
            await AnswerAsync(inbound, reply, cancellationToken);
        }

        return card is null
            ? new AdaptiveCardInvokeResponse(200, ActivityTypes.MessageContentType, JsonValue.Create(replies.Count == 0 ? "Done." : PlainTextRenderer.Render(replies[0].Message)))
            : new AdaptiveCardInvokeResponse(200, ActivityTypes.AdaptiveCardContentType, AdaptiveCardRenderer.Render(card.Message.Card!));
    }

    private Task AnswerAsync(Activity inbound, TurnReply reply, CancellationToken cancellationToken) =>
        reply.Secret && !IsPersonal(inbound)
            ? SendPrivatelyAsync(inbound, reply.Message, cancellationToken)
            : SendAsync(inbound, reply.Message, cancellationToken);

    private static bool IsPersonal(Activity inbound) =>
        string.Equals(inbound.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Opens (or finds: the connector answers with the existing one) the person's personal chat with the bot and sends
    /// the secret there; the conversation the command came from only hears where it went, or how to get it.
    /// </summary>
    private async Task SendPrivatelyAsync(Activity inbound, OutboundMessage message, CancellationToken cancellationToken)
    {
        if (inbound.ServiceUrl is { Length: > 0 } serviceUrl && inbound.From?.Id is { Length: > 0 } userId && inbound.Recipient?.Id is { Length: > 0 } botId)
        {
            var tenant = Inbound.ActivityMapper.TenantOf(inbound);
            var parameters = new ConversationParameters
            {
                IsGroup = false,
                Bot = new ChannelAccount { Id = botId },
                Members = [new ChannelAccount { Id = userId }],
                TenantId = tenant,
                ChannelData = new TeamsChannelData { Tenant = new TeamsInfo { Id = tenant } },
            };
            try
            {
                var created = await connector.CreateConversationAsync(serviceUrl, parameters, cancellationToken);
                if (created is { Succeeded: true, Body.Id: { Length: > 0 } chatId })
                {
                    // The inbound (authenticated) service URL, not one the answer names: the bot only calls URLs it can vouch for.
                    var sent = await connector.SendToConversationAsync(serviceUrl, chatId, ActivityRenderer.Render(message), cancellationToken);
                    if (sent.Succeeded)
                    {
                        await SendAsync(inbound, OutboundMessage.Plain(SentPrivately), cancellationToken);
                        return;
                    }

                    LogReplyFailed(logger, (int)sent.Status, sent.ErrorCode ?? "");
                }
                else
                {
                    LogReplyFailed(logger, (int)created.Status, created.ErrorCode ?? "");
                }
            }
            catch (HttpRequestException ex)
            {
                LogReplyFailed(logger, (int?)ex.StatusCode ?? 0, ex.HttpRequestError.ToString());
            }
        }

        await SendAsync(inbound, OutboundMessage.Plain(NoPrivateChat), cancellationToken);
    }

    private async Task SendAsync(Activity inbound, OutboundMessage message, CancellationToken cancellationToken)
    {
        if (inbound.ServiceUrl is not { Length: > 0 } serviceUrl || inbound.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            return;
        }

        var activity = ActivityRenderer.Render(message);
        try
        {
            ConnectorResponse<ResourceResponse> response;
            if (message.ReplacesCard && inbound.ReplyToId is { Length: > 0 } cardActivity)
            {
                response = await connector.UpdateActivityAsync(serviceUrl, conversationId, cardActivity, activity, cancellationToken);
            }
            else if (inbound.Type == ActivityTypes.Message && inbound.Id is { Length: > 0 } id)
            {
                response = await connector.ReplyToActivityAsync(serviceUrl, conversationId, id, activity, cancellationToken);
            }
            else
            {
                response = await connector.SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken);
            }

            if (!response.Succeeded)
            {
                LogReplyFailed(logger, (int)response.Status, response.ErrorCode ?? "");
            }
        }
        catch (HttpRequestException ex)
        {
            LogReplyFailed(logger, (int?)ex.StatusCode ?? 0, ex.HttpRequestError.ToString());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reply could not be sent to Teams: {Status} {ErrorCode}")]
    private static partial void LogReplyFailed(ILogger logger, int status, string errorCode);
}
