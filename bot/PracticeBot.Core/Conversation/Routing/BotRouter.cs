using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Events;

namespace PracticeBot.Core.Conversation.Routing;

/// <summary>
/// The listener table, built once at start-up: <c>bot.OnCommand&lt;SetupPractice&gt;("practice setup")</c>.
/// A duplicate route name, or a command the grammar does not have, throws while the host starts.
/// </summary>
public sealed class BotRouter
{
    private readonly List<Route> _routes = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly List<Type> _middleware = [];

    public IReadOnlyList<Route> Routes => _routes;

    public IReadOnlyList<Type> Middleware => _middleware;

    /// <summary>Routes a command of <see cref="CommandCatalog"/> by its route name (<c>"practice setup"</c>).</summary>
    /// <param name="trackedWritesOnly">See <see cref="Route.TrackedWritesOnly"/>; a read-only command always is.</param>
    public BotRouter OnCommand<THandler>(string routeName, bool trackedWritesOnly = false)
        where THandler : class, IBotHandler<CommandInvocation>
    {
        var spec = CommandCatalog.All.FirstOrDefault(c => c.RouteName == routeName)
            ?? throw new InvalidOperationException(
                $"'{routeName}' is not a command of the grammar. Known: {string.Join(", ", CommandCatalog.All.Select(c => c.RouteName))}.");
        return Add<THandler, CommandInvocation>(
            $"command:{routeName}", RouteKind.Command, t => t.Command?.RouteName == routeName, spec.Access, spec.Mutates, t => t.Command!, trackedWritesOnly: spec.ReadOnly || trackedWritesOnly);
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
        where THandler : class, IBotHandler<TInput>
    {
        if (!_names.Add(name))
        {
            throw new InvalidOperationException($"A route named '{name}' is already registered; route names must be unique.");
        }

        _routes.Add(new Route(
            name,
            kind,
            selector,
            typeof(THandler),
            access,
            mutates,
            (turn, ct) => turn.Services.GetRequiredService<THandler>().HandleAsync(input(turn), turn, ct),
            ownsTransaction,
            trackedWritesOnly));
        return this;
    }
}
