using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Tests.Outbox;

/// <summary>
/// A real SQLite database in a temporary file, so that several contexts on their own connections can race on
/// the same rows the way two worker processes would.
/// </summary>
public sealed class OutboxTestDatabase : IDisposable
{
    public static readonly ConversationReference Channel = new(Platforms.Local, "W1", "C1");

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"practicebot-outbox-{Guid.NewGuid():N}.db");
    private readonly List<ServiceProvider> _providers = [];

    public OutboxTestDatabase()
    {
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString();
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    public string ConnectionString { get; }

    public PracticeBotDb NewContext() =>
        new(new DbContextOptionsBuilder<PracticeBotDb>().UseSqlite(ConnectionString).Options) { PracticeScope = null };

    /// <summary>Every scope gets its own context and connection, as in the host.</summary>
    public IServiceScopeFactory NewScopeFactory()
    {
        var provider = new ServiceCollection().AddScoped(_ => NewContext()).BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<IServiceScopeFactory>();
    }

    public long Enqueue(TimeProvider time, OutboundMessage message, MessageTarget? target = null, long? practiceId = 1)
    {
        using var db = NewContext();
        var row = new OutboxWriter(db, time).Enqueue(practiceId, target ?? MessageTarget.Channel(Channel), message);
        db.SaveChanges();
        return row.Id;
    }

    public IReadOnlyList<long> EnqueueMany(TimeProvider time, int count)
    {
        using var db = NewContext();
        var writer = new OutboxWriter(db, time);
        var rows = Enumerable.Range(1, count)
            .Select(i => writer.Enqueue(1, MessageTarget.Channel(Channel), OutboundMessage.Plain($"message {i}")))
            .ToList();
        db.SaveChanges();
        return rows.Select(r => r.Id).ToList();
    }

    public OutboxMessage Get(long id)
    {
        using var db = NewContext();
        return db.Outbox.AsNoTracking().Single(o => o.Id == id);
    }

    public List<OutboxMessage> All()
    {
        using var db = NewContext();
        return db.Outbox.AsNoTracking().OrderBy(o => o.Id).ToList();
    }

    public void Update(long id, Action<OutboxMessage> change)
    {
        using var db = NewContext();
        change(db.Outbox.Single(o => o.Id == id));
        db.SaveChanges();
    }

    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }

        File.Delete(_path);
    }
}
