using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using PracticeBot.Core.CheckIns;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Sources;
using PracticeBot.Core.Scheduling;
using PracticeBot.Core.Storage;
using PracticeBot.Host.CheckIns;

namespace PracticeBot.Scaling;

/// <summary>
/// One scaling measurement in a process of its own, so its peak memory is its own:
/// <c>Scaling checkin|ingest|drain|chart sqlite|postgres COUNT [PARALLEL]</c>. The real core (router, middleware, handlers,
/// outbox deliverer, chart renderer) over a fresh database; only the scheduler and the platform are stand-ins.
/// Prints one line: <c>scenario provider count seconds cpu_seconds peak_mb kb_allocated_per_item items_done</c>.
/// </summary>
internal static class ScaleRun
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 15, 0, 0, TimeSpan.Zero); // a Monday, 09:00 in Chicago

    private static readonly string[] Texts =
    [
        "Waited over an hour and the front desk was rude.",
        "Lovely staff, quick visit, the doctor listened.",
        "I was billed twice and nobody called back about it.",
        "Couldn't get an appointment for weeks. On hold forever.",
        "The bathroom was dirty and the exam room smelled.",
    ];

    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 3 || !int.TryParse(args[2], CultureInfo.InvariantCulture, out var count) || args[1] is not ("sqlite" or "postgres"))
        {
            await Console.Error.WriteLineAsync("usage: Scaling checkin|ingest|drain|chart sqlite|postgres COUNT [PARALLEL]");
            return 2;
        }

        var scenario = args[0];
        var provider = args[1];
        var parallel = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
        var (connectionString, drop) = await NewDatabaseAsync(provider);
        var sender = new RecordingPlatformSender(Platforms.Slack);
        var collection = new ServiceCollection();
        if (Environment.GetEnvironmentVariable("SCALE_NO_CHART") != "1")
        {
            collection.AddSingleton<IChartRenderer, WeeklyChartRenderer>();
        }

        await using var services = collection
            .AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IBotScheduler, NoScheduler>()
            .AddSingleton<IPlatformSender>(sender)
            // Pooled, as the host registers it (StorageExtensions): each turn leases a context and gets it back reset.
            .AddPooledDbContextFactory<PracticeBotDb>(o =>
            {
                if (provider == "sqlite")
                {
                    o.UseSqlite(connectionString).AddInterceptors(PracticeBot.Host.Storage.SqliteBusyTimeout.Instance);
                }
                else
                {
                    o.UseNpgsql(connectionString);
                }
            })
            .AddScoped(sp =>
            {
                var db = sp.GetRequiredService<IDbContextFactory<PracticeBotDb>>().CreateDbContext();
                db.PracticeScope = null;
                return db;
            })
            .AddPracticeBotCore()
            .AddOutboxDelivery()
            .BuildServiceProvider();
        try
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
                await db.Database.EnsureCreatedAsync();
                if (provider == "sqlite")
                {
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
                }
            }

            var (seconds, peakMb, allocatedKb, checkedItems) = scenario switch
            {
                "chart" => await ChartAsync(count),
                "checkin" => await CheckInAsync(services, count, parallel),
                "ingest" => await IngestAsync(services, count),
                "drain" => await DrainAsync(services, sender, count),
                _ => throw new ArgumentException($"unknown scenario '{scenario}'"),
            };
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{scenario} {provider} {count} {seconds:F2} {CpuSeconds:F2} {peakMb:F0} {allocatedKb:F1} {checkedItems}"));
            return checkedItems == count ? 0 : 1;
        }
        finally
        {
            await drop();
        }
    }

    /// <summary>The weekly check-in of every practice, fired at once as Quartz would on a Monday at 09:00.</summary>
    private static async Task<(double, double, double, int)> CheckInAsync(ServiceProvider services, int practices, int parallel)
    {
        await SeedPracticesAsync(services, practices);
        List<long> ids;
        await using (var scope = services.CreateAsyncScope())
        {
            ids = await scope.ServiceProvider.GetRequiredService<PracticeBotDb>().Practices.IgnoreQueryFilters().Select(p => p.Id).ToListAsync();
        }

        var dispatcher = services.GetRequiredService<BotDispatcher>();
        var measured = await MeasureAsync(() => Parallel.ForEachAsync(
            ids,
            new ParallelOptions { MaxDegreeOfParallelism = parallel },
            async (id, ct) => await dispatcher.DispatchAsync(ScheduleFired.Create(CheckInSchedules.Weekly, id, Now), ct)));

        await using var check = services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<PracticeBotDb>();
        var sent = await db.Nudges.IgnoreQueryFilters().CountAsync(n => n.Kind == CheckInKinds.Week);
        return (measured.Seconds, measured.PeakMb, measured.AllocatedBytes / 1024.0 / practices, sent);
    }

    /// <summary>
    /// The check-in's 8-week PNG alone, rendered <paramref name="charts"/> times after one warm-up (written to the file
    /// SCALE_CHART_OUT names, when set, to look at).
    /// </summary>
    private static async Task<(double, double, double, int)> ChartAsync(int charts)
    {
        var renderer = new WeeklyChartRenderer();
        var series = new WeeklySeries([.. Enumerable.Range(0, 8).Select(i => new WeekPoint($"Nov {i + 1}", 3 + i % 4, 3.5 + i % 3 * 0.4, 2 + i % 2, 3))]);
        var warmUp = renderer.RenderWeeklyChart(series);
        if (Environment.GetEnvironmentVariable("SCALE_CHART_OUT") is { Length: > 0 } file)
        {
            await File.WriteAllBytesAsync(file, warmUp);
        }
        var rendered = 0;
        var measured = await MeasureAsync(() =>
        {
            for (var i = 0; i < charts; i++)
            {
                rendered += renderer.RenderWeeklyChart(series).Length > 0 ? 1 : 0;
            }

            return Task.CompletedTask;
        });
        return (measured.Seconds, measured.PeakMb, measured.AllocatedBytes / 1024.0 / charts, rendered);
    }

    /// <summary>Reviews across 100 practices in poll-sized batches of 100, each triaged, stored and surfaced as a card.</summary>
    private static async Task<(double, double, double, int)> IngestAsync(ServiceProvider services, int reviews)
    {
        const int practices = 100;
        const int batch = 100;
        var ids = await SeedBarePracticesAsync(services, practices);
        var perPractice = reviews / practices;
        var created = 0;
        var measured = await MeasureAsync(async () =>
        {
            foreach (var practiceId in ids)
            {
                for (var start = 0; start < perPractice; start += batch)
                {
                    await using var scope = services.CreateAsyncScope();
                    var summary = await scope.ServiceProvider.GetRequiredService<ReviewIntake>().ReceiveAsync(
                        practiceId, SourcedReviews(start, Math.Min(batch, perPractice - start)), PracticeBot.Core.Reviews.ReviewOrigin.Webhook, surface: true, "scale", CancellationToken.None);
                    created += summary?.Created ?? 0;
                }
            }
        });
        return (measured.Seconds, measured.PeakMb, measured.AllocatedBytes / 1024.0 / reviews, created);
    }

    /// <summary>Outbox messages already waiting, drained by the real deliverer to a platform that accepts at once.</summary>
    private static async Task<(double, double, double, int)> DrainAsync(ServiceProvider services, RecordingPlatformSender sender, int messages)
    {
        var practiceId = (await SeedBarePracticesAsync(services, 1))[0];
        for (var start = 0; start < messages; start += 1000)
        {
            await using var scope = services.CreateAsyncScope();
            var outbox = scope.ServiceProvider.GetRequiredService<OutboxWriter>();
            for (var i = start; i < Math.Min(messages, start + 1000); i++)
            {
                outbox.Enqueue(practiceId, MessageTarget.Channel(new ConversationReference(Platforms.Slack, "T1", "C-reviews")),
                    OutboundMessage.Plain($"Message {i}: a new 4★ review from Google."));
            }

            await scope.ServiceProvider.GetRequiredService<PracticeBotDb>().SaveChangesAsync();
        }

        var deliverer = services.GetRequiredService<OutboxDeliverer>();
        var measured = await MeasureAsync(async () =>
        {
            while (await deliverer.DeliverDueAsync(CancellationToken.None) > 0)
            {
            }
        });
        return (measured.Seconds, measured.PeakMb, measured.AllocatedBytes / 1024.0 / messages, sender.Sent.Count);
    }

    /// <summary>The process's CPU time during the last measured work: on a shared machine, steadier than the wall time.</summary>
    private static double CpuSeconds { get; set; }

    private static async Task<(double Seconds, double PeakMb, long AllocatedBytes)> MeasureAsync(Func<Task> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        ResetPeakRss();
        await Console.Error.WriteLineAsync("scale: seeded, measuring"); // when to attach a profiler
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await work();
        clock.Stop();
        CpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        return (clock.Elapsed.TotalSeconds, PeakRssMb(), GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }

    /// <summary>Writing 5 to clear_refs resets VmHWM, so the peak measured is the work's, not the seeding's.</summary>
    private static void ResetPeakRss()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static double PeakRssMb()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>
    /// Practices as issue 10 describes them: 50 reviews over the last ten weeks (some open, some claimed), a plan of 3
    /// posts a week with its slots of the last two weeks and this one, 5 volunteers and a manager.
    /// </summary>
    private static async Task SeedPracticesAsync(ServiceProvider services, int practices)
    {
        const int perBatch = 500;
        for (var first = 0; first < practices; first += perBatch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var batch = Enumerable.Range(first, Math.Min(perBatch, practices - first)).Select(NewPractice).ToList();
            db.Practices.AddRange(batch);
            await db.SaveChangesAsync();

            var plans = batch.Select(p => new PostingPlan
            {
                PracticeId = p.Id,
                PostsPerWeek = 3,
                Networks = ["facebook"],
                Weekdays = [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday],
                UpdatedAt = Now.AddDays(-60),
                ProtectedCalendarToken = Guid.NewGuid().ToString("N"),
            }).ToList();
            var members = batch.SelectMany(p => Enumerable.Range(0, 6).Select(m => new Member
            {
                PracticeId = p.Id,
                Platform = Platforms.Slack,
                UserId = $"U{p.Id}-{m}",
                DisplayName = $"Person {m}",
                Roles = m == 0 ? Role.Manager | Role.Responder : Role.Poster,
                JoinedAt = Now.AddDays(-90),
            })).ToList();
            db.PostingPlans.AddRange(plans);
            db.Members.AddRange(members);
            await db.SaveChangesAsync();

            var monday = DateOnly.FromDateTime(Now.UtcDateTime);
            foreach (var (practice, index) in batch.Select((p, i) => (p, i)))
            {
                var people = members.Skip(index * 6).Take(6).ToList();
                var plan = plans[index];
                for (var n = 1; n <= 50; n++)
                {
                    var status = n > 46 ? ReviewStatus.New : n > 44 ? ReviewStatus.Claimed : ReviewStatus.Replied;
                    db.Reviews.Add(new Review
                    {
                        PracticeId = practice.Id,
                        Number = n,
                        Source = n % 3 == 0 ? "yelp" : "google",
                        ExternalId = $"g-{practice.Id}-{n}",
                        Rating = 1 + n % 5,
                        Author = "Reviewer",
                        Text = Texts[n % Texts.Length],
                        CreatedAt = Now.AddHours(-34 * (51 - n)),
                        ReceivedAt = Now.AddHours(-34 * (51 - n)),
                        Status = status,
                        ClaimedByMemberId = status == ReviewStatus.Claimed ? people[0].Id : null,
                    });
                }

                for (var week = -2; week <= 0; week++)
                {
                    foreach (var (day, sequence) in new[] { 0, 2, 4 }.Select((d, s) => (d, s)))
                    {
                        var date = monday.AddDays(7 * week + day);
                        var done = week < 0 && sequence < 2;
                        db.PostingSlots.Add(new PostingSlot
                        {
                            PracticeId = practice.Id,
                            PlanId = plan.Id,
                            Date = date,
                            Sequence = sequence,
                            Network = "facebook",
                            AssigneeMemberId = people[1 + (sequence + week + 2) % 5].Id,
                            Status = done ? SlotStatus.Done : week < 0 ? SlotStatus.Missed : SlotStatus.Assigned,
                            DoneByMemberId = done ? people[1 + (sequence + week + 2) % 5].Id : null,
                            DoneAt = done ? Now.AddDays(7 * week + day - 7) : null,
                        });
                    }
                }
            }

            await db.SaveChangesAsync();
        }
    }

    private static async Task<List<long>> SeedBarePracticesAsync(ServiceProvider services, int practices)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        var batch = Enumerable.Range(0, practices).Select(NewPractice).ToList();
        db.Practices.AddRange(batch);
        await db.SaveChangesAsync();
        return [.. batch.Select(p => p.Id)];
    }

    private static Practice NewPractice(int i) => new()
    {
        Name = $"Practice {i}",
        Slug = $"practice-{i}",
        TimeZone = "America/Chicago",
        Channel = new ConversationReference(Platforms.Slack, $"T{i}", "C-reviews"),
        LastReviewNumber = 50,
        CreatedAt = Now.AddDays(-90),
    };

    private static List<SourcedReview> SourcedReviews(int start, int count) =>
        [.. Enumerable.Range(start, count).Select(i => new SourcedReview(
            "google", "g-" + i.ToString(CultureInfo.InvariantCulture), 1 + i % 5, null, "Reviewer", Texts[i % Texts.Length],
            Now.AddDays(-30).AddMinutes(i)))];

    /// <summary>A fresh SQLite file, or a fresh database on the PostgreSQL server of PRACTICEBOT_TEST_POSTGRES; and how to drop it.</summary>
    private static async Task<(string ConnectionString, Func<Task> Drop)> NewDatabaseAsync(string provider)
    {
        if (provider == "sqlite")
        {
            var file = Path.Combine(Path.GetTempPath(), $"practicebot-scale-{Guid.NewGuid():N}.db");
            return ($"Data Source={file}", () =>
            {
                SqliteConnection.ClearAllPools();
                foreach (var path in new[] { file, file + "-wal", file + "-shm" })
                {
                    File.Delete(path);
                }

                return Task.CompletedTask;
            });
        }

        var server = Environment.GetEnvironmentVariable("PRACTICEBOT_TEST_POSTGRES")
            ?? throw new InvalidOperationException("PRACTICEBOT_TEST_POSTGRES must name a PostgreSQL server (tests/load/scale.sh starts one).");
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = $"scale_{Guid.NewGuid():N}" };
        return (builder.ConnectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
            await admin.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{builder.Database}\" WITH (FORCE)", admin);
            await command.ExecuteNonQueryAsync();
        });
    }

    /// <summary>Triggers are Quartz's business, not the measurement's.</summary>
    private sealed class NoScheduler : IBotScheduler
    {
        public Task EnsureWeeklyAsync(string scheduleId, long practiceId, DayOfWeek day, TimeOnly localTime, string timeZoneId, CancellationToken cancellationToken) =>
            Task.CompletedTask;

        public Task EnsureDailyAsync(string scheduleId, long practiceId, TimeOnly localTime, string timeZoneId, CancellationToken cancellationToken) =>
            Task.CompletedTask;

        public Task EnsureRepeatingAsync(string scheduleId, TimeSpan every, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RemoveAsync(string scheduleId, long practiceId, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
