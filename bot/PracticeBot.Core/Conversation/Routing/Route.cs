using PracticeBot.Core.Conversation.Commands;

namespace PracticeBot.Core.Conversation.Routing;

/// <summary>A registered listener: a unique name, what it matches, who may trigger it, and its handler.</summary>
public sealed record Route(
    string Name,
    RouteKind Kind,
    Func<TurnContext, bool> Selector,
    Type HandlerType,
    Access Access,
    bool Mutates,
    Func<TurnContext, CancellationToken, ValueTask> Invoke);
