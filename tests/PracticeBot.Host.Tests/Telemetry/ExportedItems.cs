using System.Collections.ObjectModel;

namespace PracticeBot.Host.Tests.Telemetry;

/// <summary>
/// What an OpenTelemetry in-memory exporter collects. The exporter adds from its own thread (a span ends when its
/// background work does, metrics are exported on a timer) while a test reads, so every add takes a lock and a test
/// reads a copy (<see cref="Now"/>), never the collection being added to.
/// </summary>
internal sealed class ExportedItems<T> : Collection<T>
{
    private readonly Lock _gate = new();

    /// <summary>A copy of everything exported so far.</summary>
    public List<T> Now
    {
        get
        {
            lock (_gate)
            {
                return [.. Items];
            }
        }
    }

    protected override void InsertItem(int index, T item)
    {
        lock (_gate)
        {
            base.InsertItem(index, item);
        }
    }

    protected override void ClearItems()
    {
        lock (_gate)
        {
            base.ClearItems();
        }
    }
}
