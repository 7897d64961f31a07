using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Inbox;
using PracticeBot.Core.Storage;

namespace PracticeBot.Adapters.Slack.Events;

/// <summary>
/// The listener side of both receivers (HTTP and Socket Mode): a verified, parsed request in, an acknowledgement
/// out within Slack's 3 seconds. A slash command's turn may answer in the acknowledgement when it is quick; anything
/// slower is acknowledged first and answered afterwards. Every button, submission and event is written to the inbox
/// (in the same transaction as its "seen" mark) before it is acknowledged, and handled from there by
/// <see cref="SlackInboxHandler"/>: a crash or a deploy after the acknowledgement loses nothing.
/// </summary>
public sealed partial class SlackRequestHandler(
    BotDispatcher dispatcher,
    SlackReplies replies,
    InboundEventLog inbound,
    InboxWorker inbox,
    SlackBackgroundWork work,
    IHostApplicationLifetime lifetime,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackRequestHandler> logger)
{
    public Task<SlackAck> HandleAsync(SlackRequest request, CancellationToken cancellationToken) => request switch
    {
        UrlVerification verification => Task.FromResult(new SlackAck(new JsonObject { ["challenge"] = verification.Challenge })),
        SlashCommand command => HandleCommandAsync(command),
        SlackInteraction interaction => HandleInteractionAsync(interaction, cancellationToken),
        SlackEventCallback callback => HandleEventAsync(callback, cancellationToken),
        _ => Task.FromResult(SlackAck.Empty),
    };

    private async Task<SlackAck> HandleCommandAsync(SlashCommand command)
    {
        var turn = Dispatch(SlackEventMapper.ToCommand(command));
        var context = new ReplyContext(command.TeamId, command.ChannelId, command.UserId, null, command.ResponseUrl, command.TriggerId, command.EnterpriseId);
        using var budget = new CancellationTokenSource(options.Value.AckBudget, time);
        var inTime = await Task.WhenAny(turn, Task.Delay(Timeout.InfiniteTimeSpan, budget.Token)) == turn;
        if (!inTime)
        {
            LogSlowTurn(logger, "command", options.Value.AckBudget);
            work.Run("slow command", async ct =>
            {
                var result = await turn;
                await replies.DeliverAsync(result.Replies, context with { TriggerId = null }, ct);
            });
            return SlackAck.Empty;
        }

        var pending = (await turn).Replies.ToList();
        if (pending.Count > 0 && await replies.TryOpenFormAsync(pending[0], context, lifetime.ApplicationStopping))
        {
            pending.RemoveAt(0);
            context = context with { TriggerId = null };
        }

        if (pending.Count == 0)
        {
            return SlackAck.Empty;
        }

        // The first answer rides on the acknowledgement; further ones follow through response_url.
        var first = SlackReplies.ResponseBody(pending[0]);
        if (pending.Count > 1)
        {
            var rest = pending.Skip(1).ToList();
            work.Run("command replies", ct => replies.DeliverAsync(rest, context with { TriggerId = null }, ct));
        }

        return new SlackAck(first);
    }

    /// <summary>A button press or submission: in the inbox first, then acknowledged; handled from there.</summary>
    private async Task<SlackAck> HandleInteractionAsync(SlackInteraction interaction, CancellationToken ct)
    {
        if (SlackEventMapper.ToAction(interaction) is null)
        {
            return SlackAck.Empty; // view_closed, or an interaction the bot has no use for
        }

        // Slack does not retry an interaction, and it carries no id of its own: each one is a delivery of its own.
        var key = "interaction:" + Guid.NewGuid().ToString("N");
        await inbound.TryTakeAsync(Platforms.Slack, key, NewRow(key, SlackInboxHandler.PayloadOf(interaction)), ct);
        inbox.Wake();

        // An empty 200 closes a submitted modal and leaves a message's buttons as they are.
        return SlackAck.Empty;
    }

    /// <summary>An event: in the inbox with its id (the unique index turns Slack's retries away), then acknowledged.</summary>
    private async Task<SlackAck> HandleEventAsync(SlackEventCallback callback, CancellationToken ct)
    {
        if (!await inbound.TryTakeAsync(Platforms.Slack, callback.EventId, NewRow(callback.EventId, SlackInboxHandler.PayloadOf(callback)), ct))
        {
            LogDuplicate(logger, callback.EventId);
            return SlackAck.Empty;
        }

        inbox.Wake();
        return SlackAck.Empty;
    }

    private InboxMessage NewRow(string key, string payload)
    {
        var now = time.GetUtcNow();
        return new InboxMessage
        {
            Platform = Platforms.Slack,
            DedupKey = key,
            Payload = payload,
            Status = InboxStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }

    /// <summary>The turn runs on the host's lifetime, not the request's: it must finish even after the ack.</summary>
    private Task<TurnResult> Dispatch(BotEvent botEvent)
    {
        var stopping = lifetime.ApplicationStopping;
        return Task.Run(() => dispatcher.DispatchAsync(botEvent, stopping), stopping);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack event {EventId} was already taken in; acknowledged without handling it again")]
    private static partial void LogDuplicate(ILogger logger, string eventId);

    [LoggerMessage(Level = LogLevel.Information, Message = "A Slack {Kind} took longer than {Budget}: acknowledged, answering through response_url")]
    private static partial void LogSlowTurn(ILogger logger, string kind, TimeSpan budget);
}
