using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using PracticeBot.Adapters.Slack.Blocks;
using PracticeBot.Adapters.Slack.WebApi;
using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Adapters.Slack.Events;

/// <summary>
/// Answers the person who acted: a form opens as a modal while the trigger is fresh; other replies go to the
/// <c>response_url</c> when there is one, else through the Web API (ephemeral unless the reply is in-channel).
/// </summary>
public sealed partial class SlackReplies(SlackApiClient api, SlackTokenStore tokens, ILogger<SlackReplies> logger)
{
    /// <summary>The body of an immediate answer (HTTP response or Socket Mode ack) or of a <c>response_url</c> post.</summary>
    public static JsonObject ResponseBody(TurnReply reply)
    {
        var body = BlockKitRenderer.RenderMessage(reply.Message);
        body["response_type"] = reply.InChannel ? "in_channel" : "ephemeral";
        return body;
    }

    /// <summary>Opens a form reply as a modal.</summary>
    /// <returns>False when it cannot (no trigger, no token, Slack refused): the caller sends it as a message instead.</returns>
    public async Task<bool> TryOpenFormAsync(TurnReply reply, ReplyContext context, CancellationToken ct)
    {
        if (context.TriggerId is null || !BlockKitRenderer.IsForm(reply.Message))
        {
            return false;
        }

        var token = await tokens.GetBotTokenAsync(context.WorkspaceId, context.EnterpriseId, ct);
        if (token is null)
        {
            return false;
        }

        try
        {
            var view = BlockKitRenderer.RenderModal(reply.Message, context.WorkspaceId, context.ChannelId, context.ThreadTs);
            await api.OpenViewAsync(token, context.TriggerId, view, ct);
            return true;
        }
        catch (SlackApiException ex)
        {
            LogReplyFailed(logger, ex.Method, ex.Error);
            return false;
        }
    }

    public async Task DeliverAsync(IEnumerable<TurnReply> replies, ReplyContext context, CancellationToken ct)
    {
        var triggerUsed = false;
        foreach (var reply in replies)
        {
            if (!triggerUsed && await TryOpenFormAsync(reply, context, ct))
            {
                triggerUsed = true; // a trigger opens one view
                continue;
            }

            try
            {
                await SendAsync(reply, context, ct);
            }
            catch (SlackApiException ex)
            {
                LogReplyFailed(logger, ex.Method, ex.Error);
            }
        }
    }

    private async Task SendAsync(TurnReply reply, ReplyContext context, CancellationToken ct)
    {
        if (context.ResponseUrl is { } responseUrl)
        {
            var body = ResponseBody(reply);
            // A card that changed because of its own button replaces the message the button was on.
            body["replace_original"] = reply.Message.ReplacesCard;
            await api.PostToResponseUrlAsync(responseUrl, body, ct);
            return;
        }

        var token = await tokens.GetBotTokenAsync(context.WorkspaceId, context.EnterpriseId, ct) ?? throw new SlackApiException("reply", "no_bot_token");
        var message = BlockKitRenderer.RenderMessage(reply.Message);
        if (context.ChannelId.Length == 0)
        {
            // No channel (a modal opened from the App Home): the app's DM with the person.
            await api.PostMessageAsync(token, context.UserId, message, threadTs: null, ct);
        }
        else if (reply.InChannel)
        {
            await api.PostMessageAsync(token, context.ChannelId, message, context.ThreadTs, ct);
        }
        else
        {
            await api.PostEphemeralAsync(token, context.ChannelId, context.UserId, message, context.ThreadTs, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not answer on Slack: {Method} failed with {Error}")]
    private static partial void LogReplyFailed(ILogger logger, string method, string error);
}
