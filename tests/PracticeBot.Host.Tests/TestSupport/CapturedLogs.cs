using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PracticeBot.Host.Tests.TestSupport;

/// <summary>
/// A logger provider that keeps every Warning and above, tagged with the test case that was running when it was
/// written (<see cref="CurrentCase"/> flows into background work started by that case, as an AsyncLocal does).
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private static readonly AsyncLocal<string?> Case = new();
    private readonly ConcurrentQueue<Entry> _entries = new();

    /// <summary>The case id attached to entries written from here on, in this async flow.</summary>
    public static string? CurrentCase
    {
        get => Case.Value;
        set => Case.Value = value;
    }

    public IReadOnlyCollection<Entry> Entries => _entries.ToArray();

    /// <summary>
    /// Error and Critical entries: an unhandled exception, a failed turn, a crashed background task. EF Core's own
    /// command and save errors are left out: it logs every failed statement, also those our code expects and handles
    /// (a unique index deciding a race); one our code does not handle still shows as the failure it causes.
    /// </summary>
    public IReadOnlyList<Entry> Errors => _entries
        .Where(e => e.Level >= LogLevel.Error && !e.Category.StartsWith("Microsoft.EntityFrameworkCore.", StringComparison.Ordinal))
        .ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    public sealed record Entry(string Category, LogLevel Level, string Message, string? ExceptionType, string? Exception, string? CaseId)
    {
        public override string ToString() =>
            $"[{Level}] {Category}: {Message}{(ExceptionType is null ? "" : $" ({ExceptionType})")} during case {CaseId ?? "(none)"}\n{Exception}";
    }

    private sealed class Logger(string category, CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner._entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception?.GetType().FullName, exception?.ToString(), CurrentCase));
            }
        }
    }
}
