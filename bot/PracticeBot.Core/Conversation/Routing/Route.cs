using PracticeBot.Core.Conversation.Commands;

namespace PracticeBot.Core.Conversation.Routing;

/// <summary>A registered listener: a unique name, what it matches, who may trigger it, and its handler.</summary>
/// <param name="OwnsTransaction">
/// The handler opens its own transaction (a scheduled job that calls a remote API first, so no database lock is held while
/// it waits); the unit of work then leaves the turn to it, audits included.
/// </param>
/// <param name="TrackedWritesOnly">
/// The handler writes only through tracked changes (no <c>ExecuteUpdate</c>, no SQL of its own): the unit of work then
/// holds no transaction while it runs, and <c>SaveChanges</c> commits whatever it wrote at the end, all together. For
/// read-only commands and for work that reads a lot before writing a little (see <see cref="Middleware.UnitOfWorkMiddleware"/>).
/// </param>
public sealed record Route(
    string Name,
    RouteKind Kind,
    Func<TurnContext, bool> Selector,
    Type HandlerType,
    Access Access,
    bool Mutates,
    Func<TurnContext, CancellationToken, ValueTask> Invoke,
    bool OwnsTransaction = false,
    bool TrackedWritesOnly = false);
