using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews.Sources;
using PracticeBot.Core.Storage;

namespace PracticeBot.Benchmarks;

/// <summary>
/// Ingestion at scale on a SQLite file: 100,000 reviews across 100 practices, in poll-sized batches of 100 (dedupe
/// lookup, number allocation, triage, store, one outbox card each), then the same data polled again (nothing written).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 2)]
[MemoryDiagnoser]
public class IngestionBenchmarks
{
    private const int Practices = 100;
    private const int PerPractice = 1_000;
    private const int Batch = 100;

    private static readonly string[] Texts =
    [
        "Waited over an hour and the front desk was rude.",
        "Lovely staff, quick visit, the doctor listened.",
        "I was billed twice and nobody called back about it.",
        "Couldn't get an appointment for weeks. On hold forever.",
        "The bathroom was dirty and the exam room smelled.",
    ];

    private ServiceProvider _services = null!;
    private string _file = "";
    private long[] _practiceIds = [];

    [IterationSetup(Target = nameof(Ingest100kAcross100Practices))]
    public void SetupEmpty() => CreateDatabase(prefill: false);

    [IterationSetup(Target = nameof(RepollUnchanged100k))]
    public void SetupFilled() => CreateDatabase(prefill: true);

    [IterationCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Benchmark(Baseline = true)]
    public int Ingest100kAcross100Practices() => IngestAll().GetAwaiter().GetResult();

    [Benchmark]
    public int RepollUnchanged100k() => IngestAll().GetAwaiter().GetResult();

    private async Task<int> IngestAll()
    {
        var created = 0;
        foreach (var practiceId in _practiceIds)
        {
            for (var start = 0; start < PerPractice; start += Batch)
            {
                await using var scope = _services.CreateAsyncScope();
                var summary = await scope.ServiceProvider.GetRequiredService<ReviewIntake>()
                    .ReceiveAsync(practiceId, Reviews(start), PracticeBot.Core.Reviews.ReviewOrigin.Webhook, surface: true, "benchmark", CancellationToken.None);
                created += summary!.Created;
            }
        }

        return created;
    }

    private static List<SourcedReview> Reviews(int start) =>
        Enumerable.Range(start, Batch).Select(i => new SourcedReview(
            "google", "g-" + i.ToString(CultureInfo.InvariantCulture), 1 + i % 5, null, "Reviewer", Texts[i % Texts.Length],
            new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i))).ToList();

    private void CreateDatabase(bool prefill)
    {
        _file = Path.Combine(Path.GetTempPath(), $"practicebot-bench-{Guid.NewGuid():N}.db");
        _services = new ServiceCollection()
            .AddLogging()
            .AddDbContext<PracticeBotDb>(o => o.UseSqlite($"Data Source={_file}"))
            .AddPracticeBotCore()
            .BuildServiceProvider();
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        db.Database.EnsureCreated();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        var practices = Enumerable.Range(1, Practices).Select(i => new Practice
        {
            Name = $"Practice {i}",
            Slug = $"practice-{i}",
            TimeZone = "America/Chicago",
            Channel = new ConversationReference(Platforms.Slack, $"T{i}", "C-reviews"),
        }).ToList();
        db.Practices.AddRange(practices);
        db.SaveChanges();
        _practiceIds = practices.Select(p => p.Id).ToArray();
        if (prefill)
        {
            IngestAll().GetAwaiter().GetResult();
        }
    }
}
