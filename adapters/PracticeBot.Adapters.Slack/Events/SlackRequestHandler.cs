using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Middleware;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Inbox;
using PracticeBot.Core.Storage;

namespace PracticeBot.Adapters.Slack.Events;

/// <summary>
/// The listener side of both receivers (HTTP and Socket Mode): a verified, parsed request in, an acknowledgement
/// out within Slack's 3 seconds. Every slash command, button, submission and event is written to the inbox (in the
/// same transaction as its "seen" mark) before it is acknowledged: a crash or a deploy after the acknowledgement
/// loses nothing. Buttons, submissions and events are handled from there by <see cref="SlackInboxHandler"/>; a slash
/// command is run here at once under its row's lease, so a quick one still answers in the acknowledgement.
/// </summary>
public sealed partial class SlackRequestHandler(
    SlackReplies replies,
    InboundEventLog inbound,
    InboxWorker inbox,
    InboxProcessor processor,
    SlackInboxHandler commands,
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

    /// <summary>
    /// A slash command: in the inbox first, leased to this instance, then run here at once. Answered within
    /// <see cref="SlackOptions.AckBudget"/>, its answer rides on the acknowledgement (a form opens as a modal on the
    /// command's trigger); slower, it is acknowledged and its turn answers through <c>response_url</c> when it is done.
    /// Should this instance stop before the turn commits, the row's lease runs out and any instance's inbox worker
    /// runs it again (<see cref="SlackInboxHandler"/>). The turn marks the row done in its own transaction: it runs once.
    /// A database that cannot take the row is answered "temporarily unavailable" (Slack does not retry a command); one
    /// slower than the budget to take it gets an empty ack, and the command runs (or is refused) once it has answered.
    /// </summary>
    private async Task<SlackAck> HandleCommandAsync(SlashCommand command)
    {
        if (commands.IsReadOnly(command))
        {
            return await HandleReadOnlyCommandAsync(command);
        }

        using var budget = new CancellationTokenSource(options.Value.AckBudget, time);
        var key = "command:" + Guid.NewGuid().ToString("N");
        var row = processor.Leased(NewRow(key, SlackInboxHandler.PayloadOf(command)));
        var context = new ReplyContext(command.TeamId, command.ChannelId, command.UserId, null, command.ResponseUrl, command.TriggerId, command.EnterpriseId);
        var written = WriteAsync(key, row);
        var answer = new CommandAnswer();
        if (await Task.WhenAny(written, Task.Delay(Timeout.InfiniteTimeSpan, budget.Token)) != written)
        {
            // The database is slow to take the row: Slack will not wait. The command runs (or is refused) once it is written.
            answer.TryGiveUp();
            LogSlowTurn(logger, "command", options.Value.AckBudget);
            work.Run("command", async stopping =>
            {
                if (await written)
                {
                    await RunAsync(command, row, answer, stopping);
                }
                else
                {
                    await replies.DeliverAsync([Unavailable], context with { TriggerId = null }, stopping);
                }
            });
            return SlackAck.Empty;
        }

        if (!await written)
        {
            // Slack does not retry a command: the person hears now that it was not taken, as from a turn that could not reach the database.
            return new SlackAck(SlackReplies.ResponseBody(Unavailable));
        }

        // The turn runs on the host's lifetime, not the request's: it must finish even after the ack.
        work.Run("command", stopping => RunAsync(command, row, answer, stopping));
        var handedOver = await Task.WhenAny(answer.Replies, Task.Delay(Timeout.InfiniteTimeSpan, budget.Token)) == answer.Replies;
        if (!handedOver && answer.TryGiveUp())
        {
            LogSlowTurn(logger, "command", options.Value.AckBudget);
            return SlackAck.Empty;
        }

        return await AckAsync(await answer.Replies, context);
    }

    /// <summary>The turn's replies in the acknowledgement: a form opens on the trigger, the first answer rides on the ack, the rest follow.</summary>
    private async Task<SlackAck> AckAsync(IReadOnlyList<TurnReply> answers, ReplyContext context)
    {
        var pending = answers.ToList();
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
            work.Run("command replies", token => replies.DeliverAsync(rest, context with { TriggerId = null }, token));
        }

        return new SlackAck(first);
    }

    /// <summary>
    /// A command that only reads (a list, help) runs at once with no inbox row: Slack never retries a command, so there
    /// is no delivery to take once, and a crash before it answers loses nothing that a second try would not redo.
    /// Only a turn slower than the budget is put in the inbox (leased, as any command): it answers through
    /// <c>response_url</c> later, and should this instance stop first, another one answers it.
    /// </summary>
    private async Task<SlackAck> HandleReadOnlyCommandAsync(SlashCommand command)
    {
        using var budget = new CancellationTokenSource(options.Value.AckBudget, time);
        var answer = new CommandAnswer();
        var turn = new TaskCompletionSource<InboxResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        work.Run("command", async stopping =>
        {
            try
            {
                turn.SetResult(await commands.RunReadOnlyCommandAsync(command, answer.TryTake, stopping));
            }
            catch (Exception ex)
            {
                turn.SetException(ex);
                throw;
            }
        });
        var handedOver = await Task.WhenAny(answer.Replies, Task.Delay(Timeout.InfiniteTimeSpan, budget.Token)) == answer.Replies;
        if (!handedOver && answer.TryGiveUp())
        {
            LogSlowTurn(logger, "command", options.Value.AckBudget);
            var key = "command:" + Guid.NewGuid().ToString("N");
            var row = processor.Leased(NewRow(key, SlackInboxHandler.PayloadOf(command)));
            work.Run("command", async stopping =>
            {
                if (await WriteAsync(key, row))
                {
                    // The turn under way is this row's first attempt; a takeover runs the command again.
                    await processor.HandleLeasedAsync(row, (_, _) => turn.Task, stopping);
                }
            });
            return SlackAck.Empty;
        }

        var context = new ReplyContext(command.TeamId, command.ChannelId, command.UserId, null, command.ResponseUrl, command.TriggerId, command.EnterpriseId);
        return await AckAsync(await answer.Replies, context);
    }

    private static readonly TurnReply Unavailable = new(OutboundMessage.Plain(ErrorReplyMiddleware.Unavailable), InChannel: false);

    /// <summary>The command's turn under its row's lease; its replies go to the waiting request while it still waits.</summary>
    private Task RunAsync(SlashCommand command, InboxMessage row, CommandAnswer answer, CancellationToken stopping) =>
        processor.HandleLeasedAsync(row, (delivery, token) => commands.RunCommandAsync(command, delivery, answer.TryTake, token), stopping);

    /// <returns>False when the database could not take the row (it is out of reach).</returns>
    private async Task<bool> WriteAsync(string key, InboxMessage row)
    {
        try
        {
            await inbound.TryTakeAsync(Platforms.Slack, key, row, CancellationToken.None);
            return true;
        }
        catch (Exception ex) when (StorageFailure.IsUnavailable(ex))
        {
            LogCommandNotTaken(logger, ex.GetType().Name);
            return false;
        }
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack event {EventId} was already taken in; acknowledged without handling it again")]
    private static partial void LogDuplicate(ILogger logger, string eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Slack slash command could not be written to the inbox ({ExceptionType}): answered that PracticeBot is temporarily unavailable")]
    private static partial void LogCommandNotTaken(ILogger logger, string exceptionType);

    [LoggerMessage(Level = LogLevel.Information, Message = "A Slack {Kind} took longer than {Budget}: acknowledged, answering through response_url")]
    private static partial void LogSlowTurn(ILogger logger, string kind, TimeSpan budget);
}
