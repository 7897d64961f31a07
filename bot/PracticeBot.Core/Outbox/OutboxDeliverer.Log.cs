using Microsoft.Extensions.Logging;

namespace PracticeBot.Core.Outbox;

// Row ids, platforms, attempts and outcomes only: message content and platform error text stay in the table.
public sealed partial class OutboxDeliverer
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox row {OutboxId} was taken by another worker before {WorkerId} could claim it")]
    private static partial void LogClaimLost(ILogger logger, long outboxId, string workerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {OutboxId}: the database is unavailable, so its outcome is not recorded yet; trying again in {Wait}")]
    private static partial void LogOutcomeNotRecorded(ILogger logger, long outboxId, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox row {OutboxId} sent on {Platform} (attempt {Attempt})")]
    private static partial void LogSent(ILogger logger, long outboxId, string platform, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {OutboxId} on {Platform} failed transiently (attempt {Attempt}); retrying in {Delay}")]
    private static partial void LogRetryScheduled(ILogger logger, long outboxId, string platform, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {OutboxId} on {Platform}: the sender threw {ExceptionType} (attempt {Attempt})")]
    private static partial void LogSenderFailed(ILogger logger, long outboxId, string platform, int attempt, string exceptionType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox row {OutboxId} on {Platform} is in doubt (attempt {Attempt}): an earlier attempt may have reached the platform, so it is looked up before any resend")]
    private static partial void LogInDoubt(ILogger logger, long outboxId, string platform, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox row {OutboxId} on {Platform} dead-lettered (attempt {Attempt}); see its LastError")]
    private static partial void LogDeadLettered(ILogger logger, long outboxId, string platform, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox row {OutboxId} on {Platform} dead-lettered after {Attempt} attempts over {Age}; see its LastError")]
    private static partial void LogGaveUp(ILogger logger, long outboxId, string platform, int attempt, TimeSpan age);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox row {OutboxId} on {Platform} dead-lettered: {Unfinished} attempts ended without an outcome (crash loop?); see its LastError")]
    private static partial void LogCrashLoop(ILogger logger, long outboxId, string platform, int unfinished);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {OutboxId}: worker {WorkerId} lost its lease before recording the outcome")]
    private static partial void LogLeaseLost(ILogger logger, long outboxId, string workerId);
}
