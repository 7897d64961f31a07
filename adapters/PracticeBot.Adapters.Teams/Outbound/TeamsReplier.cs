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
/// no private replies: "only you" answers go into the same conversation, which is a personal chat most of the time.
/// </summary>
public sealed partial class TeamsReplier(ConnectorClient connector, ILogger<TeamsReplier> logger)
{
    /// <summary>
    /// The answer to a redelivered card action: the action was taken by the first delivery (its refreshed card went
    /// out then), so this one only says so rather than acting twice.
    /// </summary>
    public static readonly AdaptiveCardInvokeResponse AlreadyTaken =
        new(200, ActivityTypes.MessageContentType, JsonValue.Create("Already done: that action was taken."));

    public async Task AnswerAsync(Activity inbound, IReadOnlyList<TurnReply> replies, CancellationToken cancellationToken)
    {
        foreach (var reply in replies)
        {
            await SendAsync(inbound, reply.Message, cancellationToken);
        }
    }

    public async Task<AdaptiveCardInvokeResponse> AnswerInvokeAsync(Activity inbound, IReadOnlyList<TurnReply> replies, CancellationToken cancellationToken)
    {
        var card = replies.FirstOrDefault(r => r.Message.Card is not null);
        foreach (var reply in replies.Where(r => !ReferenceEquals(r, card)))
        {
            await SendAsync(inbound, reply.Message, cancellationToken);
        }

        return card is null
            ? new AdaptiveCardInvokeResponse(200, ActivityTypes.MessageContentType, JsonValue.Create(replies.Count == 0 ? "Done." : PlainTextRenderer.Render(replies[0].Message)))
            : new AdaptiveCardInvokeResponse(200, ActivityTypes.AdaptiveCardContentType, AdaptiveCardRenderer.Render(card.Message.Card!));
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
