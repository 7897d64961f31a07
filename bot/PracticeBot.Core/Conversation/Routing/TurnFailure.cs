namespace PracticeBot.Core.Conversation.Routing;

/// <summary>Why a turn failed (its changes were rolled back and the person was told): what decides whether to try it again.</summary>
public enum TurnFailure
{
    /// <summary>The database was out of reach: the same turn may well work in a minute.</summary>
    Unavailable,
    /// <summary>Anything else (a bug): trying the same turn again would fail the same way.</summary>
    Error,
}
