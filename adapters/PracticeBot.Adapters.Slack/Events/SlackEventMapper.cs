using System.Text.Json;
using PracticeBot.Adapters.Slack.Blocks;
using PracticeBot.Adapters.Slack.Interaction;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Events;
using static PracticeBot.Adapters.Slack.Events.SlackRequestParser;

namespace PracticeBot.Adapters.Slack.Events;

/// <summary>
/// Slack payloads → neutral events. Pure functions, tested with golden payloads. Null means "nothing for the core"
/// (a <c>view_closed</c>, an event we do not route).
/// </summary>
public static class SlackEventMapper
{
    /// <summary>
    /// <c>/review claim 12</c> → <c>CommandReceived("review", "claim 12")</c>. <c>help</c> is no slash command of its own:
    /// <c>/review help</c> and <c>/posting help</c> ask for that topic, <c>/practice help</c> for everything.
    /// </summary>
    public static CommandReceived ToCommand(SlashCommand command)
    {
        var conversation = new ConversationReference(Platforms.Slack, command.TeamId, command.ChannelId, EnterpriseId: command.EnterpriseId);
        var user = new ChatUser(command.UserId, command.UserName);
        var name = command.Command.ToLowerInvariant();
        var text = SlackText.Unescape(command.Text).Trim();
        var firstWord = text.Split((char[])[' ', '\t', '\n'], 2, StringSplitOptions.RemoveEmptyEntries);
        if (firstWord.Length > 0 && string.Equals(firstWord[0], CommandCatalog.Help, StringComparison.OrdinalIgnoreCase))
        {
            var topic = firstWord.Length > 1 ? firstWord[1].Trim() : name == CommandCatalog.PracticeRoot ? "" : name;
            return new CommandReceived(conversation, user, CommandCatalog.Help, topic);
        }

        return new CommandReceived(conversation, user, name, text);
    }

    /// <summary><c>block_actions</c> and <c>view_submission</c> → <see cref="ActionInvoked"/>; anything else → null.</summary>
    public static ActionInvoked? ToAction(SlackInteraction interaction)
    {
        var payload = interaction.Payload;
        var user = UserOf(payload);
        if (user is null)
        {
            return null;
        }

        var team = TeamOf(payload);
        var enterprise = EnterpriseOf(payload);
        switch (interaction.Type)
        {
            case "block_actions":
                if (!payload.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() == 0)
                {
                    return null;
                }

                var action = actions[0];
                var actionId = Str(action, "action_id");
                if (actionId is null || team is null)
                {
                    return null;
                }

                var container = payload.TryGetProperty("container", out var c) ? c : default;
                var channel = (payload.TryGetProperty("channel", out var ch) ? Str(ch, "id") : null) ?? Str(container, "channel_id") ?? "";
                var thread = Str(container, "thread_ts")
                    ?? (payload.TryGetProperty("message", out var message) ? Str(message, "thread_ts") : null);
                return new ActionInvoked(
                    new ConversationReference(Platforms.Slack, team, channel, thread, EnterpriseId: enterprise),
                    user,
                    BlockIds.ActionIdOf(actionId),
                    Str(action, "value") ?? SelectedValue(action) ?? "",
                    InputsOf(payload.TryGetProperty("state", out var state) ? state : default),
                    Str(container, "message_ts"));

            case "view_submission":
                if (!payload.TryGetProperty("view", out var view) || view.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }

                var metadata = ModalMetadata.TryRead(Str(view, "private_metadata"));
                if (metadata is null || team is null)
                {
                    return null; // the workspace is the one Slack signed the submission for, never one named in the metadata
                }

                // Metadata from another workspace says nothing about where to answer here: the person gets a DM instead.
                var sameTeam = string.Equals(metadata.TeamId, team, StringComparison.Ordinal);
                return new ActionInvoked(
                    new ConversationReference(Platforms.Slack, team, sameTeam ? metadata.ChannelId : "", sameTeam ? metadata.ThreadTs : null, EnterpriseId: enterprise),
                    user,
                    metadata.ActionId,
                    metadata.Value,
                    InputsOf(view.TryGetProperty("state", out var viewState) ? viewState : default));

            default:
                return null;
        }
    }

    /// <summary>
    /// <c>app_mention</c> → <see cref="MessageReceived"/> without the bot's mention; <c>member_joined_channel</c> →
    /// <see cref="MemberJoined"/>. <paramref name="botUserId"/> comes from the callback's <c>authorizations</c> when
    /// Slack sends them (see <see cref="BotUserIdOf"/>).
    /// </summary>
    public static ChatEvent? ToEvent(SlackEventCallback callback, string? botUserId)
    {
        var e = callback.Event;
        // The workspace the event was delivered for, not the author's home team (they differ in a shared channel).
        var team = callback.TeamId.Length > 0 ? callback.TeamId : Str(e, "team");
        var channel = Str(e, "channel");
        var userId = Str(e, "user");
        var enterprise = Str(callback.Body, "enterprise_id");
        if (team is null || channel is null || userId is null)
        {
            return null;
        }

        switch (callback.EventType)
        {
            case "app_mention" when SlackRequestParser.Str(e, "bot_id") is not null:
                return null; // another bot (or this one) mentioning us: answering could loop

            case "app_mention":
                var text = SlackText.StripBotMention(SlackText.Unescape(Str(e, "text") ?? ""), botUserId);
                var thread = Str(e, "thread_ts") ?? Str(e, "ts");
                return new MessageReceived(new ConversationReference(Platforms.Slack, team, channel, thread, EnterpriseId: enterprise), new ChatUser(userId), text);

            case "member_joined_channel":
                var isBot = botUserId is not null && string.Equals(userId, botUserId, StringComparison.Ordinal);
                var inviter = isBot ? Str(e, "inviter") : null;
                return new MemberJoined(
                    new ConversationReference(Platforms.Slack, team, channel, EnterpriseId: enterprise),
                    new ChatUser(inviter ?? userId),
                    BotWasAdded: isBot);

            default:
                return null;
        }
    }

    /// <summary>The bot's own user id, from the <c>authorizations</c> Slack attaches to an event callback.</summary>
    public static string? BotUserIdOf(SlackEventCallback callback)
    {
        if (callback.Body.TryGetProperty("authorizations", out var authorizations) && authorizations.ValueKind == JsonValueKind.Array)
        {
            foreach (var authorization in authorizations.EnumerateArray())
            {
                if (authorization.ValueKind == JsonValueKind.Object && authorization.TryGetProperty("is_bot", out var isBot) && isBot.ValueKind == JsonValueKind.True)
                {
                    return Str(authorization, "user_id");
                }
            }
        }

        return null;
    }

    /// <summary>The workspace an interaction came from: the team, or the enterprise for an org-wide install.</summary>
    public static string? TeamOf(JsonElement payload) =>
        (payload.TryGetProperty("team", out var team) ? Str(team, "id") : null)
        ?? (payload.TryGetProperty("user", out var user) ? Str(user, "team_id") : null)
        ?? (payload.TryGetProperty("enterprise", out var enterprise) ? Str(enterprise, "id") : null);

    /// <summary>The Enterprise Grid organisation an interaction came from, if any.</summary>
    public static string? EnterpriseOf(JsonElement payload) =>
        (payload.TryGetProperty("enterprise", out var enterprise) ? Str(enterprise, "id") : null)
        ?? (payload.TryGetProperty("team", out var team) ? Str(team, "enterprise_id") : null);

    private static ChatUser? UserOf(JsonElement payload)
    {
        if (!payload.TryGetProperty("user", out var user) || Str(user, "id") is not { } id)
        {
            return null;
        }

        return new ChatUser(id, Str(user, "name") ?? Str(user, "username"));
    }

    private static string? SelectedValue(JsonElement action) =>
        action.ValueKind == JsonValueKind.Object && action.TryGetProperty("selected_option", out var option) ? Str(option, "value") : null;

    /// <summary><c>state.values[block_id][action_id].value</c> → inputs by input id (the renderer uses it as action id).</summary>
    private static Dictionary<string, string> InputsOf(JsonElement state)
    {
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (state.ValueKind != JsonValueKind.Object || !state.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            return inputs;
        }

        foreach (var block in values.EnumerateObject())
        {
            if (block.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var element in block.Value.EnumerateObject())
            {
                var value = Str(element.Value, "value") ?? SelectedValue(element.Value);
                if (value is not null)
                {
                    inputs[element.Name] = value;
                }
            }
        }

        return inputs;
    }
}
