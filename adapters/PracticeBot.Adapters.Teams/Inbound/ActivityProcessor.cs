using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PracticeBot.Adapters.Teams.Auth;
using PracticeBot.Adapters.Teams.Outbound;
using PracticeBot.Adapters.Teams.Protocol;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Demo;
using PracticeBot.Core.Storage;
using PracticeBot.Http;

namespace PracticeBot.Adapters.Teams.Inbound;

/// <summary>
/// One <c>POST /api/messages</c>: authenticate, parse, map, dispatch, answer. Replies go into the outbox with the turn
/// (a reply to the activity, sent by the delivery worker once the turn commits; see <see cref="TeamsReplier"/> for
/// the few sent directly), and, for a card action, the refreshed card in the HTTP response. A message or card
/// action is handled inside its own request, so it needs no inbox row: its "seen" mark commits with its turn (see
/// <see cref="ActivityLog"/>), and a delivery whose turn failed is handled again when the Bot Framework redelivers it.
/// </summary>
public sealed partial class ActivityProcessor(
    BotFrameworkAuthenticator authenticator,
    BotDispatcher dispatcher,
    TeamsConversationStore conversations,
    TeamsReplier replier,
    ActivityLog activities,
    PracticeBotDb db,
    IOptions<TeamsOptions> options,
    ILogger<ActivityProcessor> logger)
{
    public async Task<IResult> ProcessAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var (token, refusal) = await AuthenticateAsync(http, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var (activity, unreadable) = await ReadActivityAsync(http, cancellationToken);
        if (activity is null)
        {
            return unreadable!;
        }

        if (RefusalOf(activity, token) is { } refused)
        {
            return refused;
        }

        var inbound = ActivityMapper.Map(activity, options.Value.IsLocalMode ? DemoPractice.WorkspaceId : null);
        if (token is not null && inbound is { Kind: InboundKind.Turn or InboundKind.CardAction, Conversation: { } verified })
        {
            // The token vouched for this serviceUrl: from now on the bot may call it (and only such URLs) proactively.
            await conversations.TrustServiceUrlAsync(activity, verified, cancellationToken);
        }

        LogActivity(logger, activity.Type ?? "(none)", activity.Name ?? "", inbound.Kind);
        return await HandleAsync(activity, inbound, cancellationToken);
    }

    /// <summary>
    /// Who may post here: an oversized body is refused before the token is even looked at; then Teams must be
    /// configured (a Bot Framework token is validated) or local mode on (a direct loopback connection only).
    /// </summary>
    /// <returns>The validated token (none in local mode), or why the request is refused.</returns>
    private async Task<(ValidatedBotToken? Token, IResult? Refusal)> AuthenticateAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (http.Request.ContentLength > settings.MaxBodyBytes)
        {
            return (null, TooLarge(settings.MaxBodyBytes));
        }

        if (!settings.IsConfigured && !settings.IsLocalMode)
        {
            LogTeamsOff(logger);
            return (null, Refused(StatusCodes.Status403Forbidden,
                $"Teams is not configured here ({TeamsOptions.SectionName}:AppId is empty) and local mode is off (LocalMode:Enabled)."));
        }

        if (settings.IsLocalMode)
        {
            if (LocalRequest.RefusalOf(http) is { } notLocal)
            {
                LogRemoteRefused(logger);
                return (null, Refused(StatusCodes.Status401Unauthorized, notLocal));
            }

            return (null, null);
        }

        var (validated, failure) = await authenticator.ValidateTokenAsync(http.Request.Headers.Authorization.ToString(), cancellationToken);
        return validated is null ? (null, Results.StatusCode(failure!.StatusCode)) : (validated, null);
    }

    /// <returns>The activity, or why the body is refused (too large, not an activity).</returns>
    private async Task<(Activity? Activity, IResult? Refusal)> ReadActivityAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxBodyBytes;
        var body = await LimitedBody.ReadAsync(http, limit, cancellationToken);
        if (body is null)
        {
            return (null, TooLarge(limit));
        }

        return Parse(body) is { } activity
            ? (activity, null)
            : (null, Results.BadRequest(new { error = "The body must be a Bot Framework activity (JSON)." }));
    }

    /// <summary>The longest activity id (and <c>replyToId</c>) taken, URL-encoded: Teams' are a few dozen characters.</summary>
    public const int MaxActivityIdLength = 512;

    /// <summary>The longest conversation id taken, URL-encoded: Teams' are at most a few hundred characters.</summary>
    public const int MaxConversationIdLength = 2048;

    /// <summary>
    /// An activity its token does not vouch for, (local mode, unauthenticated) one naming a serviceUrl off this machine,
    /// or one whose ids could not be answered: they go into the connector's URLs and the outbox rows of its replies.
    /// </summary>
    private IResult? RefusalOf(Activity activity, ValidatedBotToken? token)
    {
        if (token?.CheckActivity(activity.ChannelId, activity.ServiceUrl) is { Succeeded: false } refused)
        {
            LogActivityRefused(logger, refused.Reason ?? "", activity.ChannelId ?? "");
            return Results.StatusCode(refused.StatusCode);
        }

        if (options.Value.IsLocalMode && activity.ServiceUrl is { Length: > 0 } && !LocalRequest.IsLoopbackUrl(activity.ServiceUrl))
        {
            // Unauthenticated: the bot would call whatever address the caller wrote there.
            LogForeignServiceUrl(logger);
            return Refused(StatusCodes.Status403Forbidden, "In local mode the activity's serviceUrl must be a loopback address.");
        }

        if (TooLong(activity.Id, MaxActivityIdLength) || TooLong(activity.ReplyToId, MaxActivityIdLength)
            || TooLong(activity.Conversation?.Id, MaxConversationIdLength))
        {
            LogIdsTooLong(logger);
            return Refused(StatusCodes.Status400BadRequest,
                $"The activity's id and replyToId may be at most {MaxActivityIdLength} characters URL-encoded, its conversation id at most {MaxConversationIdLength}.");
        }

        return null;
    }

    /// <summary>A redelivery of a handled message or card action is only acknowledged; anything else is handled by its kind.</summary>
    private async Task<IResult> HandleAsync(Activity activity, InboundActivity inbound, CancellationToken cancellationToken)
    {
        var key = inbound.Kind is InboundKind.Turn or InboundKind.CardAction ? ActivityLog.KeyOf(activity) : null;
        if (await ActivityLog.IsTakenAsync(db, key, cancellationToken))
        {
            return Redelivered(activity, inbound.Kind);
        }

        switch (inbound.Kind)
        {
            case InboundKind.Turn:
            {
                if (await DispatchUnlessTakenAsync(activity, inbound, key, invoke: false, cancellationToken) is not { } turn)
                {
                    return Redelivered(activity, inbound.Kind);
                }

                await replier.AnswerAsync(activity, inbound.Conversation!, turn.Result, turn.Queued, cancellationToken);
                return Results.Ok();
            }

            case InboundKind.CardAction:
            {
                if (await DispatchUnlessTakenAsync(activity, inbound, key, invoke: true, cancellationToken) is not { } turn)
                {
                    return Redelivered(activity, inbound.Kind);
                }

                return Results.Json(await replier.AnswerInvokeAsync(activity, inbound.Conversation!, turn.Result, turn.Queued, cancellationToken), TeamsJson.Options);
            }

            case InboundKind.Installed:
                if (await conversations.RememberAsync(activity, inbound.Conversation!, cancellationToken))
                {
                    // No seen mark: the conversation's row (written just now) is what recognises a redelivered install.
                    var welcome = await DispatchAsync(activity, inbound, key: null, invoke: false, cancellationToken);
                    await replier.AnswerAsync(activity, inbound.Conversation!, welcome.Result, welcome.Queued, cancellationToken);
                }

                return Results.Ok();

            case InboundKind.Uninstalled:
                await conversations.ForgetAsync(inbound.Conversation!.ChannelId, cancellationToken);
                return Results.Ok();

            default:
                return Results.Ok();
        }
    }

    /// <returns>The turn; null when it failed because another delivery of the activity committed first.</returns>
    private async Task<DispatchedTurn?> DispatchUnlessTakenAsync(Activity activity, InboundActivity inbound, string? key, bool invoke, CancellationToken cancellationToken)
    {
        var turn = await DispatchAsync(activity, inbound, key, invoke, cancellationToken);
        return turn.Result.Failure is not null && await ActivityLog.IsTakenAsync(db, key, cancellationToken) ? null : turn;
    }

    /// <summary>
    /// The turn, with the activity's "seen" mark and the replies the outbox carries committed in its transaction: a
    /// failed turn leaves neither.
    /// </summary>
    private async Task<DispatchedTurn> DispatchAsync(Activity activity, InboundActivity inbound, string? key, bool invoke, CancellationToken cancellationToken)
    {
        IReadOnlyList<TurnReply> queued = [];
        var result = await dispatcher.DispatchAsync(
            inbound.Event!,
            (turn, _) =>
            {
                activities.Mark(turn, key);
                queued = TeamsReplier.Enqueue(turn, activity, inbound.Conversation!, invoke);
                return Task.CompletedTask;
            },
            cancellationToken);
        return new DispatchedTurn(result, queued);
    }

    /// <param name="Queued">The replies its completion put in the outbox (rolled back with it when it failed).</param>
    private sealed record DispatchedTurn(TurnResult Result, IReadOnlyList<TurnReply> Queued);

    /// <summary>A redelivery of an activity whose turn committed (perhaps on another instance): acknowledged, not handled again.</summary>
    private IResult Redelivered(Activity activity, InboundKind kind)
    {
        LogRedelivered(logger, activity.Type ?? "", kind);
        return kind == InboundKind.CardAction ? Results.Json(TeamsReplier.AlreadyTaken, TeamsJson.Options) : Results.Ok();
    }

    private static Activity? Parse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);

            // Text the parser let through but that would throw when read (invalid UTF-8, a lone surrogate) is refused here.
            if (!InboundJson.IsReadable(body, document.RootElement))
            {
                return null;
            }

            var activity = document.RootElement.Deserialize<Activity>(TeamsJson.Options);
            return activity?.Type is { Length: > 0 } ? activity : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Longer than <paramref name="max"/> as it would stand in a connector URL.</summary>
    private static bool TooLong(string? id, int max) => id is not null && (id.Length > max || Uri.EscapeDataString(id).Length > max);

    private static IResult Refused(int status, string reason) => Results.Json(new { error = reason }, statusCode: status);

    private static IResult TooLarge(int limit) =>
        LimitedBody.TooLarge($"The activity is larger than {limit} bytes ({TeamsOptions.SectionName}:MaxBodyBytes).");

    [LoggerMessage(Level = LogLevel.Debug, Message = "Teams activity {Type} {Name} → {Kind}")]
    private static partial void LogActivity(ILogger logger, string type, string name, InboundKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams redelivered a {Type} activity ({Kind}) that was already taken: acknowledged without handling it again")]
    private static partial void LogRedelivered(ILogger logger, string type, InboundKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an activity that is not from a direct loopback connection (forwarded, remote or no address): the Teams adapter is in local mode (no Teams:AppId)")]
    private static partial void LogRemoteRefused(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an activity: Teams is not configured (no Teams:AppId) and local mode is off")]
    private static partial void LogTeamsOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a local-mode activity whose serviceUrl is not a loopback address")]
    private static partial void LogForeignServiceUrl(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an activity whose id, replyToId or conversation id is too long to be answered")]
    private static partial void LogIdsTooLong(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an activity for channel {ChannelId}: {Reason}")]
    private static partial void LogActivityRefused(ILogger logger, string reason, string channelId);
}
