using Microsoft.Extensions.Logging;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Conversation.Middleware;

/// <summary>
/// Outermost: a failure anywhere becomes a friendly reply with a reference people can quote, never a stack trace.
/// The unit of work inside has rolled back, so the reply can truthfully say nothing was changed.
/// </summary>
public sealed partial class ErrorReplyMiddleware(ILogger<ErrorReplyMiddleware> logger) : IBotMiddleware
{
    /// <summary>The answer when the database is out of reach (also a transport's, when it cannot even take a delivery in).</summary>
    public const string Unavailable =
        "PracticeBot is temporarily unavailable (it cannot reach its database), so nothing was changed. Please try again in a minute.";

    public async ValueTask InvokeAsync(TurnContext turn, Func<ValueTask> next, CancellationToken cancellationToken)
    {
        try
        {
            await next();
        }
        catch (Exception ex) when (StorageFailure.IsUnavailable(ex) && !cancellationToken.IsCancellationRequested)
        {
            // Not a bug: the database is briefly out of reach. People hear that, and that trying again will work.
            LogStorageUnavailable(logger, turn.Route?.Name ?? turn.Event.GetType().Name, ex.GetType().Name, turn.CorrelationId);
            turn.ClearReplies();
            turn.Failure = TurnFailure.Unavailable;
            if (turn.Chat is not null)
            {
                turn.Reply(Unavailable);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception type and stack go to the log; its message may quote data, so it is not echoed to chat.
            LogFailure(logger, ex, turn.Route?.Name ?? turn.Event.GetType().Name, turn.CorrelationId);
            turn.ClearReplies();
            turn.Failure = TurnFailure.Error;
            if (turn.Chat is not null)
            {
                turn.Reply(
                    $"Sorry, something went wrong on my side and nothing was changed. Please try again; if it keeps happening, " +
                    $"give your administrator this reference: `{turn.CorrelationId}`.");
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Turn {Route} could not reach the database ({ExceptionType}); answered that it is temporarily unavailable ({CorrelationId})")]
    private static partial void LogStorageUnavailable(ILogger logger, string route, string exceptionType, string correlationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn {Route} failed ({CorrelationId})")]
    private static partial void LogFailure(ILogger logger, Exception exception, string route, string correlationId);
}
