using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Storage;
using PracticeBot.Core.Telemetry;

namespace PracticeBot.Core.Conversation.Routing;

/// <summary>
/// The one way into the core. Every event, from any transport or from a job, runs here: a DI scope per turn,
/// the command parsed, a route selected, then the middleware pipeline around the handler.
/// </summary>
public sealed partial class BotDispatcher(
    BotRouter router,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<BotDispatcher> logger)
{
    public Task<TurnResult> DispatchAsync(BotEvent botEvent, CancellationToken cancellationToken = default) =>
        DispatchAsync(botEvent, completion: null, cancellationToken);

    /// <param name="completion">
    /// The transport's own writes for this delivery, committed with the turn's changes (see
    /// <see cref="TurnContext.CompleteAsync"/>): not at all when the turn fails, so the delivery can be handled again.
    /// It makes tracked changes on the turn's <see cref="PracticeBotDb"/> only.
    /// </param>
    public async Task<TurnResult> DispatchAsync(BotEvent botEvent, Func<TurnContext, CancellationToken, Task>? completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(botEvent);
        var started = time.GetTimestamp();
        var (platform, kind) = TurnTelemetry.Describe(botEvent);
        using var span = PracticeBotTelemetry.Source.StartActivity($"turn {kind}");
        var outcome = "error";
        try
        {
            var result = await RunTurnAsync(botEvent, completion, span, cancellationToken);
            outcome = TurnTelemetry.Outcome(result.Failure);
            return result;
        }
        finally
        {
            span?.SetTag("practicebot.outcome", outcome);
            PracticeBotTelemetry.RecordTurn(platform, kind, outcome, time.GetElapsedTime(started));
        }
    }

    /// <summary>
    /// Whether the event is a command that only reads: a command of a read-only route, or one that does not parse (its
    /// answer is the explanation). A transport need not record such a command as a delivery before it runs: there is
    /// nothing to do twice, and nothing to redo should the process stop before it answers.
    /// </summary>
    public bool IsReadOnlyCommand(BotEvent botEvent)
    {
        ArgumentNullException.ThrowIfNull(botEvent);
        if (botEvent is not CommandReceived)
        {
            return false;
        }

        var turn = new TurnContext(botEvent, NoServices.Instance, "", default);
        ReadCommand(turn);
        return turn.ParseFailure is not null
            || router.Select(turn) is { Kind: RouteKind.Command, Mutates: false, TrackedWritesOnly: true, OwnsTransaction: false };
    }

    private sealed class NoServices : IServiceProvider
    {
        public static readonly NoServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }

    private async Task<TurnResult> RunTurnAsync(
        BotEvent botEvent, Func<TurnContext, CancellationToken, Task>? completion, System.Diagnostics.Activity? span, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var turn = new TurnContext(botEvent, scope.ServiceProvider, NewCorrelationId(), time.GetUtcNow());
        turn.SetCompletion(completion);
        ReadCommand(turn);
        turn.Route = router.Select(turn);
        span?.SetTag("practicebot.route", turn.Route?.Name ?? "(none)");
        span?.SetTag("practicebot.correlation_id", turn.CorrelationId);
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = turn.CorrelationId }))
        {
            LogTurn(logger, botEvent.GetType().Name, turn.Route?.Name ?? "(none)", turn.CorrelationId);
            var middleware = router.Middleware.Select(t => (IBotMiddleware)scope.ServiceProvider.GetRequiredService(t)).ToList();
            await Run(middleware, 0, turn, cancellationToken);
            if (completion is not null && !turn.Completed && turn.Failure is null)
            {
                // Refused before the unit of work (or a route with a transaction of its own): nothing else to commit with.
                await turn.CompleteAsync(cancellationToken);
                await scope.ServiceProvider.GetRequiredService<PracticeBotDb>().SaveChangesAsync(cancellationToken);
            }
        }

        return new TurnResult(turn.Replies, turn.CorrelationId, turn.Failure);
    }

    private static ValueTask Run(List<IBotMiddleware> middleware, int index, TurnContext turn, CancellationToken ct) =>
        index < middleware.Count
            ? middleware[index].InvokeAsync(turn, () => Run(middleware, index + 1, turn, ct), ct)
            : Terminal(turn, ct);

    private static ValueTask Terminal(TurnContext turn, CancellationToken ct)
    {
        if (turn.ParseFailure is { } failure)
        {
            turn.Reply(failure.Explain());
            return ValueTask.CompletedTask;
        }

        if (turn.Route is { } route)
        {
            return route.Invoke(turn, ct);
        }

        switch (turn.Event)
        {
            case CommandReceived or MessageReceived when turn.Command is { } command:
                turn.Reply($"`{command.Spec.Syntax}` isn't available in this version of PracticeBot yet. Type `help` to see what is.");
                break;
            case MessageReceived message:
                // "reviews mine" or "setings": a command word mistyped gets the word it was probably meant to be.
                turn.Reply($"I didn't catch that.{CommandParser.SuggestForLine(message.Text)} Type `help` to see what I can do.");
                break;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Slash commands, and text that starts with a command word, become a parsed command.</summary>
    private static void ReadCommand(TurnContext turn)
    {
        var parsed = turn.Event switch
        {
            CommandReceived c => CommandParser.Parse(c.Name, c.Text),
            MessageReceived m when StartsWithCommandWord(m.Text) => CommandParser.ParseLine(m.Text),
            _ => null,
        };

        if (parsed is null)
        {
            return;
        }

        if (parsed.Succeeded)
        {
            turn.Command = parsed.Command;
        }
        else
        {
            turn.ParseFailure = parsed;
        }
    }

    private static bool StartsWithCommandWord(string text)
    {
        var first = FirstWord(text);
        return first.Length > 0 && CommandCatalog.IsRoot(first);
    }

    private static string FirstWord(string text)
    {
        var trimmed = text.TrimStart().TrimStart('/');
        var end = 0;
        while (end < trimmed.Length && !Tokenizer.IsSpace(trimmed[end]))
        {
            end++;
        }

        return trimmed[..end];
    }

    private static string NewCorrelationId() => Guid.NewGuid().ToString("N")[..12];

    [LoggerMessage(Level = LogLevel.Debug, Message = "Turn {EventKind} routed to {Route} ({CorrelationId})")]
    private static partial void LogTurn(ILogger logger, string eventKind, string route, string correlationId);
}
