using System.Collections.Concurrent;

namespace PracticeBot.Host.Reviews.Sources.Email;

/// <summary>
/// The mailbox reader's state in this process, for <c>practice sources</c> and tests: when it last looked, how it waits,
/// the last connection problem, and which messages it processed itself or found already processed by someone else.
/// </summary>
public sealed class EmailAlertStatus
{
    // The messages counted that were still in the folder at the last pass, (UIDVALIDITY, UID), so a message seen on
    // every pass is counted once. Forgotten once it has left the folder (a UID is never reused within a UIDVALIDITY):
    // the set is as large as the folder, not as the number of messages the process has ever seen.
    private readonly ConcurrentDictionary<(long, long), byte> _counted = new();
    private int _processed;
    private int _alreadyProcessed;

    public DateTimeOffset? LastCheckAt { get; private set; }
    public bool UsesIdle { get; private set; }
    /// <summary>Why the mailbox cannot be read now, in words for staff; null while it works.</summary>
    public string? Problem { get; private set; }
    public DateTimeOffset? ProblemSince { get; private set; }

    /// <summary>Messages this process recorded (and so ingested, moved or rejected) itself.</summary>
    public int Processed => Volatile.Read(ref _processed);

    /// <summary>Messages this process found already recorded (by a previous run, or another instance) and left alone.</summary>
    public int AlreadyProcessed => Volatile.Read(ref _alreadyProcessed);

    /// <summary>How many messages are remembered as counted: at most those in the folder at the last pass, and this one's.</summary>
    internal int Remembered => _counted.Count;

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

    internal void CountProcessed(long uidValidity, long uid)
    {
        if (_counted.TryAdd((uidValidity, uid), 0))
        {
            Interlocked.Increment(ref _processed);
        }
    }

    internal void CountAlreadyProcessed(long uidValidity, long uid)
    {
        if (_counted.TryAdd((uidValidity, uid), 0))
        {
            Interlocked.Increment(ref _alreadyProcessed);
        }
    }

    /// <summary>After a pass over the folder: forgets the counted messages that were not in it (filed away, or deleted).</summary>
    internal void KeepOnly(long uidValidity, IEnumerable<long> listed)
    {
        var inFolder = listed.ToHashSet();
        foreach (var key in _counted.Keys)
        {
            if (key.Item1 != uidValidity || !inFolder.Contains(key.Item2))
            {
                _counted.TryRemove(key, out _);
            }
        }
    }
}
