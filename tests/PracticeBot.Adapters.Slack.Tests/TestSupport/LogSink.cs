using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PracticeBot.Adapters.Slack.Tests.TestSupport;

/// <summary>A logger provider that keeps every Warning and above, with its category and exception type.</summary>
public sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyCollection<Entry> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    public sealed record Entry(string Category, LogLevel Level, string Message, string? ExceptionType);

    private sealed class Logger(string category, LogSink owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner._entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception?.GetType().Name));
            }
        }
    }
}
