namespace PracticeBot.Core.Conversation.Events;

/// <summary>A button pressed or a form submitted on a card the bot sent.</summary>
/// <param name="ActionId">The id the renderer put on the button (a constant shared with the route).</param>
/// <param name="Value">The button's value, e.g. a review number.</param>
/// <param name="Inputs">Form inputs by input id (a reply draft, a reason).</param>
/// <param name="SourceMessageId">The platform id of the message that carried the button, when known.</param>
public sealed record ActionInvoked(
    ConversationReference Conversation,
    ChatUser User,
    string ActionId,
    string Value,
    IReadOnlyDictionary<string, string> Inputs,
    string? SourceMessageId = null) : ChatEvent(Conversation, User);
