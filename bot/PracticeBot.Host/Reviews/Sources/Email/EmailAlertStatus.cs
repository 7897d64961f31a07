using System.Collections.Concurrent;

namespace PracticeBot.Host.Reviews.Sources.Email;

/// <summary>
/// The mailbox reader's state in this process, for <c>practice sources</c> and tests: when it last looked, how it waits,
/// the last connection problem, and which messages it processed itself or found already processed by someone else.
/// </summary>
public sealed class EmailAlertStatus
{
    // (UIDVALIDITY, UID) → true when this process recorded it, false when it found it recorded already. Set once.
    private readonly ConcurrentDictionary<(long, long), bool> _messages = new();

    public DateTimeOffset? LastCheckAt { get; private set; }
    public bool UsesIdle { get; private set; }
    /// <summary>Why the mailbox cannot be read now, in words for staff; null while it works.</summary>
    public string? Problem { get; private set; }
    public DateTimeOffset? ProblemSince { get; private set; }

    /// <summary>Messages this process recorded (and so ingested, moved or rejected) itself.</summary>
    public int Processed => _messages.Count(m => m.Value);

    /// <summary>Messages this process found already recorded (by a previous run, or another instance) and left alone.</summary>
    public int AlreadyProcessed => _messages.Count(m => !m.Value);

    internal void Checked(DateTimeOffset at, bool idle)
    {
        LastCheckAt = at;
        UsesIdle = idle;
        Problem = null;
        ProblemSince = null;
    }

    internal void Failed(string problem, DateTimeOffset at)
    {
        ProblemSince ??= at;
        Problem = problem;
    }

    internal void CountProcessed(long uidValidity, long uid) => _messages.TryAdd((uidValidity, uid), true);

    internal void CountAlreadyProcessed(long uidValidity, long uid) => _messages.TryAdd((uidValidity, uid), false);
}
