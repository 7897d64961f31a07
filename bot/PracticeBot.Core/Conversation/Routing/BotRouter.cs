using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Events;

namespace PracticeBot.Core.Conversation.Routing;

/// <summary>
/// The listener table, built once at start-up: <c>bot.OnCommands(PracticeCommands.All)</c>, <c>bot.OnAction&lt;…&gt;(…)</c>.
/// A duplicate route name, or a command the grammar does not have, throws while the host starts.
/// </summary>
public sealed class BotRouter
{
    private readonly List<Route> _routes = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly List<Type> _middleware = [];

    public IReadOnlyList<Route> Routes => _routes;

    public IReadOnlyList<Type> Middleware => _middleware;

    /// <summary>
    /// Routes each declared command to the handler its declaration names: <c>bot.OnCommands(ReviewCommands.All)</c>.
    /// Who may run it, whether it is audited and how its transaction is held come from the declaration too.
    /// </summary>
    public BotRouter OnCommands(IEnumerable<CommandSpec> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        foreach (var command in commands)
        {
            var handler = command.HandlerType
                ?? throw new InvalidOperationException($"'{command.RouteName}' is declared without a handler.");
            if (!typeof(IBotHandler<CommandInvocation>).IsAssignableFrom(handler) || !handler.IsClass)
            {
                throw new InvalidOperationException($"{handler.Name}, the handler of '{command.RouteName}', is no IBotHandler<CommandInvocation>.");
            }

            AddCommand(command, handler, command.TrackedWritesOnly);
        }

        return this;
    }

    /// <summary>Routes one declared command to another handler than its own (tests put a recorder there).</summary>
    /// <param name="trackedWritesOnly">See <see cref="Route.TrackedWritesOnly"/>; a read-only command always is.</param>
    public BotRouter OnCommand<THandler>(CommandSpec command, bool trackedWritesOnly = false)
        where THandler : class, IBotHandler<CommandInvocation>
    {
        ArgumentNullException.ThrowIfNull(command);
        return AddCommand(command, typeof(THandler), trackedWritesOnly);
    }

    /// <summary>The name of a command's route: <c>command:review claim</c>.</summary>
    public static string CommandRouteName(CommandSpec command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return $"command:{command.RouteName}";
    }

    private BotRouter AddCommand(CommandSpec command, Type handler, bool trackedWritesOnly)
    {
        // Only a command the parser knows can ever reach its route.
        if (!CommandCatalog.All.Contains(command))
        {
            throw new InvalidOperationException(
                $"'{command.RouteName}' is not a command of the grammar. Known: {string.Join(", ", CommandCatalog.All.Select(c => c.RouteName))}.");
        }

        var routeName = command.RouteName;
        return Add(
            CommandRouteName(command),
            RouteKind.Command,
            t => t.Command?.RouteName == routeName,
            command.Access,
            command.Mutates,
            handler,
            (turn, ct) => ((IBotHandler<CommandInvocation>)turn.Services.GetRequiredService(handler)).HandleAsync(turn.Command!, turn, ct),
            trackedWritesOnly: command.ReadOnly || trackedWritesOnly);
    }

    /// <summary>Routes a button press or form submission by action id (a constant shared with the card builder).</summary>
    /// <param name="trackedWritesOnly">See <see cref="Route.TrackedWritesOnly"/>.</param>
    public BotRouter OnAction<THandler>(string actionId, Access? access = null, bool mutates = true, bool trackedWritesOnly = false)
        where THandler : class, IBotHandler<ActionInvoked> =>
        Add<THandler, ActionInvoked>(
            $"action:{actionId}",
            RouteKind.Action,
            t => t.Event is ActionInvoked a && string.Equals(a.ActionId, actionId, StringComparison.Ordinal),
            access ?? Access.Members,
            mutates,
            t => (ActionInvoked)t.Event,
            trackedWritesOnly: trackedWritesOnly);

    /// <summary>Routes free text that matches <paramref name="pattern"/> (commands typed as text never get here).</summary>
    public BotRouter OnMessage<THandler>(string name, Regex pattern, Access? access = null)
        where THandler : class, IBotHandler<MessageReceived> =>
        Add<THandler, MessageReceived>(
            $"message:{name}",
            RouteKind.Message,
            t => t.Command is null && t.Event is MessageReceived m && pattern.IsMatch(m.Text),
            access ?? Access.Anyone,
            mutates: false,
            t => (MessageReceived)t.Event);

    /// <summary>Routes the bot being added to a conversation, or a person joining one.</summary>
    public BotRouter OnMemberJoined<THandler>(string name)
        where THandler : class, IBotHandler<MemberJoined> =>
        Add<THandler, MemberJoined>(
            $"joined:{name}", RouteKind.MemberJoined, t => t.Event is MemberJoined, Access.Anyone, mutates: true, t => (MemberJoined)t.Event);

    /// <summary>Routes a fired schedule by its id (a constant shared with the trigger).</summary>
    /// <param name="ownsTransaction">See <see cref="Route.OwnsTransaction"/>.</param>
    /// <param name="trackedWritesOnly">See <see cref="Route.TrackedWritesOnly"/>.</param>
    public BotRouter OnSchedule<THandler>(string scheduleId, bool ownsTransaction = false, bool trackedWritesOnly = false)
        where THandler : class, IBotHandler<ScheduleFired> =>
        Add<THandler, ScheduleFired>(
            $"schedule:{scheduleId}",
            RouteKind.Schedule,
            t => t.Event is ScheduleFired s && string.Equals(s.ScheduleId, scheduleId, StringComparison.Ordinal),
            Access.Anyone,
            mutates: true,
            t => (ScheduleFired)t.Event,
            ownsTransaction,
            trackedWritesOnly);

    /// <summary>Adds middleware; the first added runs outermost.</summary>
    public BotRouter Use<TMiddleware>()
        where TMiddleware : class, IBotMiddleware
    {
        if (_middleware.Contains(typeof(TMiddleware)))
        {
            throw new InvalidOperationException($"Middleware {typeof(TMiddleware).Name} is already in the pipeline.");
        }

        _middleware.Add(typeof(TMiddleware));
        return this;
    }

    /// <summary>The first route that matches the turn, in registration order.</summary>
    public Route? Select(TurnContext turn) => _routes.FirstOrDefault(r => r.Selector(turn));

    private BotRouter Add<THandler, TInput>(
        string name,
        RouteKind kind,
        Func<TurnContext, bool> selector,
        Access access,
        bool mutates,
        Func<TurnContext, TInput> input,
        bool ownsTransaction = false,
        bool trackedWritesOnly = false)
        where THandler : class, IBotHandler<TInput> =>
        Add(
            name,
            kind,
            selector,
            access,
            mutates,
            typeof(THandler),
            (turn, ct) => turn.Services.GetRequiredService<THandler>().HandleAsync(input(turn), turn, ct),
            ownsTransaction,
            trackedWritesOnly);

    private BotRouter Add(
        string name,
        RouteKind kind,
        Func<TurnContext, bool> selector,
        Access access,
        bool mutates,
        Type handler,
        Func<TurnContext, CancellationToken, ValueTask> invoke,
        bool ownsTransaction = false,
        bool trackedWritesOnly = false)
    {
        if (!_names.Add(name))
        {
            throw new InvalidOperationException($"A route named '{name}' is already registered; route names must be unique.");
        }

        _routes.Add(new Route(name, kind, selector, handler, access, mutates, invoke, ownsTransaction, trackedWritesOnly));
        return this;
    }
}
