using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PracticeBot.Adapters.Slack.Home;
using PracticeBot.Adapters.Slack.WebApi;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Storage;

namespace PracticeBot.Adapters.Slack.Events;

/// <summary>
/// The listener side of both receivers (HTTP and Socket Mode): a verified, parsed request in, an acknowledgement
/// out within Slack's 3 seconds. A slash command's turn may answer in the acknowledgement when it is quick; anything
/// slower, and every button, submission and event, is acknowledged first and answered afterwards.
/// </summary>
public sealed partial class SlackRequestHandler(
    BotDispatcher dispatcher,
    SlackReplies replies,
    InboundEventLog inbound,
    AppHomePublisher home,
    SlackBackgroundWork work,
    SlackApiClient api,
    SlackTokenStore tokens,
    IHostApplicationLifetime lifetime,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackRequestHandler> logger)
{
    private readonly ConcurrentDictionary<string, string> _botUsers = new(StringComparer.Ordinal);

    public Task<SlackAck> HandleAsync(SlackRequest request, CancellationToken cancellationToken) => request switch
    {
        UrlVerification verification => Task.FromResult(new SlackAck(new JsonObject { ["challenge"] = verification.Challenge })),
        SlashCommand command => HandleCommandAsync(command),
        SlackInteraction interaction => Task.FromResult(HandleInteraction(interaction)),
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

    private SlackAck HandleInteraction(SlackInteraction interaction)
    {
        if (SlackEventMapper.ToAction(interaction) is not { } action)
        {
            return SlackAck.Empty; // view_closed, or an interaction the bot has no use for
        }

        var payload = interaction.Payload;
        var responseUrl = SlackRequestParser.Str(payload, "response_url") ?? FirstResponseUrl(payload);
        var context = new ReplyContext(
            action.Conversation.WorkspaceId,
            action.Conversation.ChannelId,
            action.User.Id,
            action.Conversation.ThreadId,
            responseUrl,
            SlackRequestParser.Str(payload, "trigger_id"),
            action.Conversation.EnterpriseId);
        var turn = Dispatch(action);
        work.Run(interaction.Type, async ct =>
        {
            var result = await turn;
            await replies.DeliverAsync(result.Replies, context, ct);
        });

        // An empty 200 closes a submitted modal and leaves a message's buttons as they are.
        return SlackAck.Empty;
    }

    private async Task<SlackAck> HandleEventAsync(SlackEventCallback callback, CancellationToken ct)
    {
        if (!await inbound.TryTakeAsync(Platforms.Slack, callback.EventId, ct))
        {
            LogDuplicate(logger, callback.EventId);
            return SlackAck.Empty;
        }

        if (callback.EventType is "app_uninstalled" or "tokens_revoked")
        {
            await ForgetInstallAsync(callback, ct);
            return SlackAck.Empty;
        }

        if (callback.EventType == "app_home_opened")
        {
            var e = callback.Event;
            if (SlackRequestParser.Str(e, "tab") is null or "home" && SlackRequestParser.Str(e, "user") is { } user)
            {
                var team = callback.TeamId.Length > 0 ? callback.TeamId : SlackRequestParser.Str(e, "team") ?? "";
                work.Run("app home", token => home.PublishAsync(team, user, token));
            }

            return SlackAck.Empty;
        }

        work.Run(callback.EventType, async token =>
        {
            var botUser = SlackEventMapper.BotUserIdOf(callback) ?? await BotUserOfAsync(callback.TeamId, SlackRequestParser.Str(callback.Body, "enterprise_id"), token);
            if (SlackEventMapper.ToEvent(callback, botUser) is not { } chat)
            {
                return;
            }

            var result = await dispatcher.DispatchAsync(chat, token);
            var context = new ReplyContext(chat.Conversation.WorkspaceId, chat.Conversation.ChannelId, chat.User.Id, chat.Conversation.ThreadId, null, null, chat.Conversation.EnterpriseId);
            await replies.DeliverAsync(result.Replies, context, token);
        });
        return SlackAck.Empty;
    }

    /// <summary>The turn runs on the host's lifetime, not the request's: it must finish even after the ack.</summary>
    private Task<TurnResult> Dispatch(BotEvent botEvent)
    {
        var stopping = lifetime.ApplicationStopping;
        return Task.Run(() => dispatcher.DispatchAsync(botEvent, stopping), stopping);
    }

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

    private static bool RevokesBotToken(System.Text.Json.JsonElement e) =>
        e.TryGetProperty("tokens", out var revoked) && revoked.ValueKind == System.Text.Json.JsonValueKind.Object
        && revoked.TryGetProperty("bot", out var bots) && bots.ValueKind == System.Text.Json.JsonValueKind.Array && bots.GetArrayLength() > 0;

    /// <summary>Whether the event was delivered for an org-wide install (top level, or in its authorizations).</summary>
    private static bool IsEnterpriseInstall(System.Text.Json.JsonElement body)
    {
        if (body.TryGetProperty("is_enterprise_install", out var top) && top.ValueKind == System.Text.Json.JsonValueKind.True)
        {
            return true;
        }

        return body.TryGetProperty("authorizations", out var authorizations) && authorizations.ValueKind == System.Text.Json.JsonValueKind.Array
            && authorizations.EnumerateArray().Any(a => a.ValueKind == System.Text.Json.JsonValueKind.Object
                && a.TryGetProperty("is_enterprise_install", out var org) && org.ValueKind == System.Text.Json.JsonValueKind.True);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack workspace {WorkspaceId}: {EventType}, its install is forgotten (one was stored: {Removed})")]
    private static partial void LogInstallForgotten(ILogger logger, string workspaceId, string eventType, bool removed);

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

    private static string? FirstResponseUrl(System.Text.Json.JsonElement payload) =>
        payload.TryGetProperty("response_urls", out var urls) && urls.ValueKind == System.Text.Json.JsonValueKind.Array && urls.GetArrayLength() > 0
            ? SlackRequestParser.Str(urls[0], "response_url")
            : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack event {EventId} was already taken in; acknowledged without handling it again")]
    private static partial void LogDuplicate(ILogger logger, string eventId);

    [LoggerMessage(Level = LogLevel.Information, Message = "A Slack {Kind} took longer than {Budget}: acknowledged, answering through response_url")]
    private static partial void LogSlowTurn(ILogger logger, string kind, TimeSpan budget);

    [LoggerMessage(Level = LogLevel.Warning, Message = "auth.test failed with {Error}; the bot's own mentions cannot be recognised")]
    private static partial void LogAuthTestFailed(ILogger logger, string error);
}
