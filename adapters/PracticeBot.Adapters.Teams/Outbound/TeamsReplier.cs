using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PracticeBot.Adapters.Teams.Protocol;
using PracticeBot.Adapters.Teams.Rendering;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Storage;

namespace PracticeBot.Adapters.Teams.Outbound;

/// <summary>
/// Answers a turn on Teams. A message is answered by replies to it; an install by messages to the conversation; a
/// card action by the refreshed card in the invoke response (anything else it said follows as messages). Teams has
/// no private replies: "only you" answers go into the same conversation, which is a personal chat most of the time;
/// a reply holding a secret goes to the person's personal chat with the bot instead, and the conversation hears only
/// that it was sent there.
/// </summary>
/// <remarks>
/// Replies go through the outbox like every other message: the turn's completion writes them as rows that commit with
/// the turn (<see cref="Enqueue"/>), and the delivery worker, woken after the commit, sends them (retried, in the
/// conversation's order). Sent directly through the connector, after the turn: what belongs in the HTTP response (a
/// card action's refreshed card); every reply of a turn that holds a secret, so that a secret is never stored and its
/// companions keep their order with it; a reply that replaces the card a button was on (the outbox finds what to
/// update by card key, not by the activity the button was on). The answer of a failed turn, whose rows rolled back,
/// is written in a save of its own, or sent directly when the database is what failed.
/// </remarks>
public sealed partial class TeamsReplier(
    ConnectorClient connector,
    OutboxWriter outbox,
    PracticeBotDb db,
    OutboxDeliveryWorker delivery,
    ILogger<TeamsReplier> logger)
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

    /// <summary>
    /// In the turn's completion (<see cref="TurnContext.CompleteAsync"/>): adds the replies the outbox carries to the
    /// turn's changes, addressed to the conversation the activity came from (as a reply to it, for a message).
    /// </summary>
    /// <param name="invoke">A card action: its refreshed card stays out, for the invoke response.</param>
    /// <returns>The replies written, so that the answer after the turn sends only the rest.</returns>
    public static IReadOnlyList<TurnReply> Enqueue(TurnContext turn, Activity inbound, ConversationReference conversation, bool invoke)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var replies = turn.Replies;
        if (TargetOf(inbound, conversation) is not { } target || replies.Any(r => r.Secret))
        {
            return [];
        }

        var card = invoke ? InvokeCardOf(replies) : null;
        var writer = turn.Services.GetRequiredService<OutboxWriter>();
        var queued = new List<TurnReply>();
        foreach (var reply in replies.Where(r => !ReferenceEquals(r, card) && !r.Message.ReplacesCard))
        {
            // Without its card key: an answer to one person is not a posted copy of a review card that later changes
            // of the review update in place (ReviewBook finds those by key in the outbox).
            writer.Enqueue(turn.Practice?.Id, target, reply.Message with { CardKey = null });
            queued.Add(reply);
        }

        return queued;
    }

    /// <summary>
    /// After the turn: sends what <see cref="Enqueue"/> did not write (or, for a failed turn, writes its answer), and
    /// wakes the delivery worker for the rows.
    /// </summary>
    /// <param name="queued">What the turn's completion wrote; rolled back when the turn failed.</param>
    public Task AnswerAsync(Activity inbound, ConversationReference conversation, TurnResult result, IReadOnlyList<TurnReply> queued, CancellationToken cancellationToken) =>
        AnswerAsync(inbound, conversation, result, queued, invokeCard: null, cancellationToken);

    /// <returns>The invoke response: the refreshed card, or the first reply as text.</returns>
    public async Task<AdaptiveCardInvokeResponse> AnswerInvokeAsync(
        Activity inbound, ConversationReference conversation, TurnResult result, IReadOnlyList<TurnReply> queued, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var replies = result.Replies;
        var card = InvokeCardOf(replies);
        await AnswerAsync(inbound, conversation, result, queued, card, cancellationToken);
        return card is null
            ? new AdaptiveCardInvokeResponse(200, ActivityTypes.MessageContentType, JsonValue.Create(replies.Count == 0 ? "Done." : PlainTextRenderer.Render(replies[0].Message)))
            : new AdaptiveCardInvokeResponse(200, ActivityTypes.AdaptiveCardContentType, AdaptiveCardRenderer.Render(card.Message.Card!));
    }

    /// <summary>The reply a card action's invoke response carries: its first card that holds no secret.</summary>
    private static TurnReply? InvokeCardOf(IReadOnlyList<TurnReply> replies) => replies.FirstOrDefault(r => r.Message.Card is not null && !r.Secret);

    /// <summary>The conversation of the activity, as a reply to it when it is a message; null when it cannot be answered.</summary>
    private static MessageTarget? TargetOf(Activity inbound, ConversationReference conversation) =>
        inbound.ServiceUrl is { Length: > 0 } serviceUrl && conversation.ChannelId.Length > 0
            ? MessageTarget.Channel(conversation with
            {
                ThreadId = inbound.Type == ActivityTypes.Message && inbound.Id is { Length: > 0 } id ? id : null,
                ServiceUrl = serviceUrl,
            })
            : null;

    private async Task AnswerAsync(
        Activity inbound, ConversationReference conversation, TurnResult result, IReadOnlyList<TurnReply> queued, TurnReply? invokeCard, CancellationToken cancellationToken)
    {
        var rest = result.Replies
            .Where(r => !ReferenceEquals(r, invokeCard) && !queued.Contains(r, ReferenceEqualityComparer.Instance))
            .ToList();
        // Rows a turn committed before it failed (work after its commit threw) are sent too: woken for them as well.
        var woken = queued.Count > 0;
        if (result.Failure == TurnFailure.Error && rest.Count > 0 && await SaveFailedTurnAnswerAsync(inbound, conversation, rest, cancellationToken))
        {
            rest.Clear();
            woken = true;
        }

        if (woken)
        {
            delivery.Wake();
        }

        foreach (var reply in rest)
        {
            await AnswerAsync(inbound, reply, cancellationToken);
        }
    }

    /// <summary>
    /// The answer of a turn that failed with a bug (its rows rolled back with it), in a save of its own. Not tried when
    /// the database was out of reach: the person hears that at once instead of after another timeout.
    /// </summary>
    /// <returns>False when it could not be written: the caller sends it directly.</returns>
    private async Task<bool> SaveFailedTurnAnswerAsync(Activity inbound, ConversationReference conversation, List<TurnReply> replies, CancellationToken cancellationToken)
    {
        if (TargetOf(inbound, conversation) is not { } target || replies.Any(r => r.Secret || r.Message.ReplacesCard))
        {
            return false;
        }

        try
        {
            foreach (var reply in replies)
            {
                outbox.Enqueue(practiceId: null, target, reply.Message);
            }

            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            db.ChangeTracker.Clear();
            LogAnswerNotQueued(logger, ex.GetType().Name);
            return false;
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The answer of a failed Teams turn could not be put in the outbox ({Error}): it is sent directly")]
    private static partial void LogAnswerNotQueued(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reply could not be sent to Teams: {Status} {ErrorCode}")]
    private static partial void LogReplyFailed(ILogger logger, int status, string errorCode);
}
