using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using PracticeBot.Adapters.Slack.Blocks;
using PracticeBot.Adapters.Slack.Home;
using PracticeBot.Adapters.Slack.WebApi;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Inbox;

namespace PracticeBot.Adapters.Slack.Events;

/// <summary>
/// Handles Slack's inbox rows: an event callback, a button press or a submission, acknowledged before it was handled,
/// and a slash command its receiving instance did not finish (<see cref="RunCommandAsync"/> runs it there first).
/// The row keeps the request as Slack sent it (a Socket Mode envelope's type and payload), so it is read back by the
/// same parser and mapped by the same mapper as when it arrived. The turn marks its row done in its own transaction;
/// the answer to the person follows through <c>response_url</c> or the Web API once it has committed.
/// </summary>
public sealed partial class SlackInboxHandler(
    BotDispatcher dispatcher,
    SlackReplies replies,
    AppHomePublisher home,
    SlackApiClient api,
    SlackTokenStore tokens,
    ILogger<SlackInboxHandler> logger) : IInboxHandler
{
    private const string EventsApi = "events_api";
    private const string Interactive = "interactive";
    private const string SlashCommands = "slash_commands";

    private readonly ConcurrentDictionary<string, string> _botUsers = new(StringComparer.Ordinal);

    public string Platform => Platforms.Slack;

    /// <summary>The row's payload for an Events API callback.</summary>
    public static string PayloadOf(SlackEventCallback callback) => Payload(EventsApi, callback.Body);

    /// <summary>The row's payload for an interaction.</summary>
    public static string PayloadOf(SlackInteraction interaction) => Payload(Interactive, interaction.Payload);

    /// <summary>
    /// The row's payload for a slash command: its fields as Slack names them, read back like a Socket Mode envelope's.
    /// Not its <c>trigger_id</c>: it is only good for a few seconds, long gone by the time a row is handled again.
    /// </summary>
    public static string PayloadOf(SlashCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var fields = new JsonObject
        {
            ["command"] = "/" + command.Command,
            ["text"] = command.Text,
            ["user_id"] = command.UserId,
            ["user_name"] = command.UserName,
            ["team_id"] = command.TeamId,
            ["enterprise_id"] = command.EnterpriseId,
            ["channel_id"] = command.ChannelId,
            ["response_url"] = command.ResponseUrl,
        };
        return new JsonObject { ["kind"] = SlashCommands, ["body"] = fields }.ToJsonString();
    }

    /// <summary>
    /// Runs a slash command's turn for its inbox row and answers it. <paramref name="answerNow"/> is offered the replies
    /// first and returns those it could not answer (the receiving instance's HTTP response takes them all while Slack
    /// still waits; then none are left); what is left goes to the command's <c>response_url</c>. Without it (the row is
    /// handled again after its instance stopped) a form cannot open any more: its trigger is gone, so the person is
    /// asked to run the command again instead.
    /// </summary>
    public Task<InboxResult> RunCommandAsync(
        SlashCommand command,
        InboxDelivery delivery,
        Func<IReadOnlyList<TurnReply>, IReadOnlyList<TurnReply>>? answerNow,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(delivery);
        var context = new ReplyContext(command.TeamId, command.ChannelId, command.UserId, null, command.ResponseUrl, null, command.EnterpriseId);
        return RunAsync(SlackEventMapper.ToCommand(command), context, delivery, cancellationToken, answerNow ?? (replies => WithoutForms(replies, command)));
    }

    /// <summary>Whether the command only reads (a list, help): it then runs without an inbox row (<see cref="RunReadOnlyCommandAsync"/>).</summary>
    public bool IsReadOnly(SlashCommand command) => dispatcher.IsReadOnlyCommand(SlackEventMapper.ToCommand(command));

    /// <summary>
    /// Runs a read-only command's turn with no inbox row, and answers it as <see cref="RunCommandAsync"/> does. Nothing is
    /// marked done: the turn writes nothing of its own (a first-time member still joins).
    /// </summary>
    public Task<InboxResult> RunReadOnlyCommandAsync(
        SlashCommand command, Func<IReadOnlyList<TurnReply>, IReadOnlyList<TurnReply>> answerNow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var context = new ReplyContext(command.TeamId, command.ChannelId, command.UserId, null, command.ResponseUrl, null, command.EnterpriseId);
        return RunAsync(SlackEventMapper.ToCommand(command), context, NotInTheInbox, cancellationToken, answerNow);
    }

    /// <summary>A read-only command's "delivery": no row, one attempt only, and no completion to commit with the turn.</summary>
    private static readonly InboxDelivery NotInTheInbox = new(0, "", 1, LastAttempt: true, Complete: null);

    public async Task<InboxResult> HandleAsync(InboxDelivery delivery, CancellationToken cancellationToken)
    {
        switch (Read(delivery.Payload))
        {
            case SlackEventCallback { EventType: "app_home_opened" } callback:
                var e = callback.Event;
                if (SlackRequestParser.Str(e, "tab") is null or "home" && SlackRequestParser.Str(e, "user") is { } user)
                {
                    var team = callback.TeamId.Length > 0 ? callback.TeamId : SlackRequestParser.Str(e, "team") ?? "";
                    await home.PublishAsync(team, user, cancellationToken);
                }

                return InboxResult.Done;

            case SlackEventCallback { EventType: "app_uninstalled" or "tokens_revoked" } callback:
                await ForgetInstallAsync(callback, cancellationToken);
                return InboxResult.Done;

            case SlackEventCallback callback:
                var botUser = SlackEventMapper.BotUserIdOf(callback)
                    ?? await BotUserOfAsync(callback.TeamId, SlackRequestParser.Str(callback.Body, "enterprise_id"), cancellationToken);
                if (SlackEventMapper.ToEvent(callback, botUser) is not { } chat)
                {
                    return InboxResult.Done;
                }

                var context = new ReplyContext(chat.Conversation.WorkspaceId, chat.Conversation.ChannelId, chat.User.Id, chat.Conversation.ThreadId, null, null, chat.Conversation.EnterpriseId);
                return await RunAsync(chat, context, delivery, cancellationToken);

            case SlashCommand command:
                return await RunCommandAsync(command, delivery, answerNow: null, cancellationToken);

            case SlackInteraction interaction:
                if (SlackEventMapper.ToAction(interaction) is not { } action)
                {
                    return InboxResult.Done;
                }

                var payload = interaction.Payload;
                var replyContext = new ReplyContext(
                    action.Conversation.WorkspaceId,
                    action.Conversation.ChannelId,
                    action.User.Id,
                    action.Conversation.ThreadId,
                    SlackRequestParser.Str(payload, "response_url") ?? FirstResponseUrl(payload),
                    SlackRequestParser.Str(payload, "trigger_id"),
                    action.Conversation.EnterpriseId);
                return await RunAsync(action, replyContext, delivery, cancellationToken);

            default:
                return InboxResult.Failed("the payload is not a Slack request this version can read");
        }
    }

    /// <param name="answerNow">Offered the replies before they are sent; returns those still to send.</param>
    private async Task<InboxResult> RunAsync(
        BotEvent botEvent,
        ReplyContext context,
        InboxDelivery delivery,
        CancellationToken cancellationToken,
        Func<IReadOnlyList<TurnReply>, IReadOnlyList<TurnReply>>? answerNow = null)
    {
        var result = await dispatcher.DispatchAsync(botEvent, delivery.Complete, cancellationToken);
        if (result.Failure == TurnFailure.Unavailable && !delivery.LastAttempt)
        {
            // Nothing was changed and the next attempt will likely work: the person hears from that one.
            answerNow?.Invoke([]);
            return InboxResult.TryLater($"the database was unavailable (turn {result.CorrelationId})");
        }

        var toSend = answerNow is null ? result.Replies : answerNow(result.Replies);
        try
        {
            await replies.DeliverAsync(toSend, context, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            // The turn is committed; only its answer is lost. Handling it again would act twice.
            LogReplyLost(logger, delivery.Id, ex.GetType().Name);
        }

        return result.Failure switch
        {
            null => InboxResult.Done,
            TurnFailure.Unavailable => InboxResult.TryLater($"the database was unavailable (turn {result.CorrelationId})"),
            _ => InboxResult.Failed($"the turn failed (turn {result.CorrelationId}; see the log)"),
        };
    }

    /// <summary>A form replaced by a message asking to run the command again: its trigger expired with the first attempt.</summary>
    private static IReadOnlyList<TurnReply> WithoutForms(IReadOnlyList<TurnReply> replies, SlashCommand command) =>
        [.. replies.Select(reply => BlockKitRenderer.IsForm(reply.Message)
            ? reply with { Message = OutboundMessage.Plain(RunAgain(command)) }
            : reply)];

    internal static string RunAgain(SlashCommand command) =>
        $"PracticeBot restarted before it could open the form for {OutsideText.Mark("/" + command.Command)}, and Slack only allows a " +
        "few seconds for that. Please run the command again to open it.";

    private static SlackRequest? Read(string payload)
    {
        try
        {
            var root = JsonNode.Parse(payload);
            var kind = (string?)root?["kind"];
            using var body = JsonDocument.Parse(root?["body"]?.ToJsonString() ?? "null");
            return kind is null ? null : SlackRequestParser.ParseEnvelopePayload(kind, body.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Payload(string kind, JsonElement body) =>
        new JsonObject { ["kind"] = kind, ["body"] = JsonNode.Parse(body.GetRawText()) }.ToJsonString();

    /// <summary>
    /// <c>app_uninstalled</c>, or <c>tokens_revoked</c> naming the bot's token: the install the event was delivered for
    /// (the organisation's for an org-wide install) is deleted and its token evicted, so nothing is sent with a dead
    /// token, nor with another workspace's in its place. A revoked user token alone changes nothing: the bot has none.
    /// </summary>
    private async Task ForgetInstallAsync(SlackEventCallback callback, CancellationToken ct)
    {
        if (callback.EventType == "tokens_revoked" && !RevokesBotToken(callback.Event))
        {
            return;
        }

        var enterprise = SlackRequestParser.Str(callback.Body, "enterprise_id");
        var workspace = IsEnterpriseInstall(callback.Body) && enterprise is not null ? enterprise : callback.TeamId;
        if (workspace.Length == 0)
        {
            return;
        }

        var removed = await tokens.RemoveAsync(workspace, ct);
        _botUsers.TryRemove(workspace, out _);
        LogInstallForgotten(logger, workspace, callback.EventType, removed);
    }

    private static bool RevokesBotToken(JsonElement e) =>
        e.TryGetProperty("tokens", out var revoked) && revoked.ValueKind == JsonValueKind.Object
        && revoked.TryGetProperty("bot", out var bots) && bots.ValueKind == JsonValueKind.Array && bots.GetArrayLength() > 0;

    /// <summary>Whether the event was delivered for an org-wide install (top level, or in its authorizations).</summary>
    private static bool IsEnterpriseInstall(JsonElement body)
    {
        if (body.TryGetProperty("is_enterprise_install", out var top) && top.ValueKind == JsonValueKind.True)
        {
            return true;
        }

        return body.TryGetProperty("authorizations", out var authorizations) && authorizations.ValueKind == JsonValueKind.Array
            && authorizations.EnumerateArray().Any(a => a.ValueKind == JsonValueKind.Object
                && a.TryGetProperty("is_enterprise_install", out var org) && org.ValueKind == JsonValueKind.True);
    }

    private async Task<string?> BotUserOfAsync(string teamId, string? enterpriseId, CancellationToken ct)
    {
        if (_botUsers.TryGetValue(teamId, out var known))
        {
            return known;
        }

        if (await tokens.GetBotTokenAsync(teamId, enterpriseId, ct) is not { } token)
        {
            return null;
        }

        try
        {
            var identity = await api.AuthTestAsync(token, ct);
            return _botUsers[teamId] = identity.UserId;
        }
        catch (SlackApiException ex)
        {
            LogAuthTestFailed(logger, ex.Error);
            return null;
        }
    }

    private static string? FirstResponseUrl(JsonElement payload) =>
        payload.TryGetProperty("response_urls", out var urls) && urls.ValueKind == JsonValueKind.Array && urls.GetArrayLength() > 0
            ? SlackRequestParser.Str(urls[0], "response_url")
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack workspace {WorkspaceId}: {EventType}, its install is forgotten (one was stored: {Removed})")]
    private static partial void LogInstallForgotten(ILogger logger, string workspaceId, string eventType, bool removed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "auth.test failed with {Error}; the bot's own mentions cannot be recognised")]
    private static partial void LogAuthTestFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox row {InboxId}: the turn is done but its answer could not be sent ({ExceptionType})")]
    private static partial void LogReplyLost(ILogger logger, long inboxId, string exceptionType);
}
