using System.Text.Json;
using PracticeBot.Adapters.Teams.Protocol;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;

namespace PracticeBot.Adapters.Teams.Inbound;

/// <summary>Pure: a Teams activity → a neutral event and conversation reference. No I/O, no clock.</summary>
public static class ActivityMapper
{
    /// <param name="workspaceOverride">
    /// Local mode sets a fixed workspace id, so conversations from the Agents Playground belong to the demo practice.
    /// </param>
    public static InboundActivity Map(Activity activity, string? workspaceOverride = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Conversation?.Id is not { Length: > 0 } || activity.From?.Id is not { Length: > 0 })
        {
            return InboundActivity.Ignored;
        }

        var conversation = ConversationOf(activity, workspaceOverride);
        var user = UserOf(activity.From);
        var botId = activity.Recipient?.Id;
        switch (activity.Type)
        {
            case ActivityTypes.Message when activity.Value is { ValueKind: JsonValueKind.Object } submitted && string.IsNullOrWhiteSpace(activity.Text):
                return ActionOf(submitted, conversation, user, activity.ReplyToId, InboundKind.Turn);

            case ActivityTypes.Message:
                var text = MentionText.Normalize(activity.Text, activity.Entities, botId);
                return new InboundActivity(InboundKind.Turn, new MessageReceived(conversation, user, text), conversation);

            case ActivityTypes.Invoke when activity.Name == ActivityTypes.AdaptiveCardAction
                                           && activity.Value is { ValueKind: JsonValueKind.Object } value
                                           && value.TryGetProperty("action", out var action)
                                           && action.ValueKind == JsonValueKind.Object:
                return ActionOf(action, conversation, user, activity.ReplyToId, InboundKind.CardAction);

            case ActivityTypes.ConversationUpdate when activity.MembersAdded?.Any(m => IsBot(m, botId)) == true:
            case ActivityTypes.InstallationUpdate when string.Equals(activity.Action, "add", StringComparison.OrdinalIgnoreCase):
                return new InboundActivity(InboundKind.Installed, new MemberJoined(conversation, user, BotWasAdded: true), conversation);

            case ActivityTypes.ConversationUpdate when activity.MembersRemoved?.Any(m => IsBot(m, botId)) == true:
            case ActivityTypes.InstallationUpdate when string.Equals(activity.Action, "remove", StringComparison.OrdinalIgnoreCase):
                return new InboundActivity(InboundKind.Uninstalled, Conversation: conversation);

            case ActivityTypes.ConversationUpdate when activity.MembersAdded is [var first, ..] && first.Id is { Length: > 0 }:
                return new InboundActivity(InboundKind.Turn, new MemberJoined(conversation, UserOf(first), BotWasAdded: false), conversation);

            default:
                return InboundActivity.Ignored;
        }
    }

    public static ConversationReference ConversationOf(Activity activity, string? workspaceOverride = null) => new(
        Platforms.Teams,
        workspaceOverride ?? TenantOf(activity) ?? "",
        activity.Conversation?.Id ?? "",
        ThreadId: null,
        ServiceUrl: activity.ServiceUrl,
        TeamId: activity.ChannelData?.Team?.Id);

    public static string? TenantOf(Activity activity) => activity.ChannelData?.Tenant?.Id ?? activity.Conversation?.TenantId;

    public static ChatUser UserOf(ChannelAccount account) =>
        new(account.Id!, string.IsNullOrWhiteSpace(account.Name) ? null : account.Name, string.IsNullOrWhiteSpace(account.AadObjectId) ? null : account.AadObjectId,
            IsGuest(account.UserRole));

    /// <summary>A Teams <c>userRole</c>: guests and anonymous users are guests; null when Teams did not say.</summary>
    public static bool? IsGuest(string? userRole) => userRole?.ToLowerInvariant() switch
    {
        "guest" or "anonymous" => true,
        "user" => false,
        _ => null,
    };

    private static bool IsBot(ChannelAccount member, string? botId) =>
        botId is not null && string.Equals(member.Id, botId, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Action.Execute arrives as <c>{verb, data}</c>; an Action.Submit message value as <c>{verb, value, …inputs}</c>.
    /// Either way the button's value is <c>value</c> and every other string is a form input.
    /// </summary>
    private static InboundActivity ActionOf(JsonElement action, ConversationReference conversation, ChatUser user, string? sourceMessageId, InboundKind kind)
    {
        var data = action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : action;
        var verb = StringOf(action, "verb") ?? StringOf(data, "verb");
        if (string.IsNullOrEmpty(verb))
        {
            return InboundActivity.Ignored;
        }

        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in data.EnumerateObject())
        {
            if (property.Name is not ("verb" or "value" or "msteams") && property.Value.ValueKind == JsonValueKind.String)
            {
                inputs[property.Name] = property.Value.GetString()!;
            }
        }

        var invoked = new ActionInvoked(conversation, user, verb, StringOf(data, "value") ?? "", inputs, sourceMessageId);
        return new InboundActivity(kind, invoked, conversation);
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
}
