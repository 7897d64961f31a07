namespace PracticeBot.Adapters.Teams.Inbound;

public enum InboundKind
{
    /// <summary>Acknowledged with 200 and nothing else.</summary>
    Ignored,
    /// <summary>A person's turn: dispatch the event and answer with the replies.</summary>
    Turn,
    /// <summary>An <c>adaptiveCard/action</c> invoke: dispatch and answer in the HTTP response.</summary>
    CardAction,
    /// <summary>The bot was added (app installed): remember the conversation, then welcome.</summary>
    Installed,
    /// <summary>The bot was removed (app uninstalled): forget the conversation.</summary>
    Uninstalled,
}
