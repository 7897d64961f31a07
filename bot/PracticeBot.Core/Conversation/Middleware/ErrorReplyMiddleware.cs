using Microsoft.Extensions.Logging;
using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Core.Conversation.Middleware;

/// <summary>
/// Outermost: a failure anywhere becomes a friendly reply with a reference people can quote, never a stack trace.
/// The unit of work inside has rolled back, so the reply can truthfully say nothing was changed.
/// </summary>
public sealed partial class ErrorReplyMiddleware(ILogger<ErrorReplyMiddleware> logger) : IBotMiddleware
{
    public async ValueTask InvokeAsync(TurnContext turn, Func<ValueTask> next, CancellationToken cancellationToken)
    {
        try
        {
            await next();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception type and stack go to the log; its message may quote data, so it is not echoed to chat.
            LogFailure(logger, ex, turn.Route?.Name ?? turn.Event.GetType().Name, turn.CorrelationId);
            turn.ClearReplies();
            if (turn.Chat is not null)
            {
                turn.Reply(
                    $"Sorry, something went wrong on my side and nothing was changed. Please try again; if it keeps happening, " +
                    $"give your administrator this reference: `{turn.CorrelationId}`.");
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn {Route} failed ({CorrelationId})")]
    private static partial void LogFailure(ILogger logger, Exception exception, string route, string correlationId);
}
