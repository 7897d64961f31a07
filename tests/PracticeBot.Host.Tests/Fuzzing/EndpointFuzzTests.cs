using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using PracticeBot.Host.Tests.TestSupport;
using Xunit.Abstractions;

namespace PracticeBot.Host.Tests.Fuzzing;

/// <summary>
/// 10,000 hostile requests per inbound endpoint (<see cref="FuzzCases"/>), a deterministic seed, against the real host:
/// no case may be answered with a 5xx or a stack trace, and nothing may be logged at Error or above while they run,
/// including by the work Slack requests leave running after their acknowledgement. A failure names the seed and the
/// case, and <c>PRACTICEBOT_FUZZ_SEED</c> / <c>PRACTICEBOT_FUZZ_CASE</c> replay exactly that case.
/// </summary>
public sealed class EndpointFuzzTests(HostileHost host, ITestOutputHelper output) : IClassFixture<HostileHost>
{
    private const int DefaultSeed = 20261201;
    private const int DefaultCases = 10_000;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("PRACTICEBOT_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;

    private static int Cases => int.TryParse(Environment.GetEnvironmentVariable("PRACTICEBOT_FUZZ_CASES"), CultureInfo.InvariantCulture, out var c) ? c : DefaultCases;

    private static int? OnlyCase => int.TryParse(Environment.GetEnvironmentVariable("PRACTICEBOT_FUZZ_CASE"), CultureInfo.InvariantCulture, out var c) ? c : null;

    [Theory]
    [InlineData(FuzzCases.Slack)]
    [InlineData(FuzzCases.Teams)]
    [InlineData(FuzzCases.Webhook)]
    public async Task Post_HostileRequests_NeverAServerErrorNorAnErrorLogged(string endpoint)
    {
        var cases = new FuzzCases(host, FuzzCorpus.For(host));
        var numbers = OnlyCase is { } only ? [only] : Enumerable.Range(0, Cases).ToArray();
        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var logsBefore = host.Logs.Errors.Count;
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(numbers, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (n, ct) =>
        {
            var id = $"{endpoint} #{n}";
            CapturedLogs.CurrentCase = id;
            var request = cases.Build(endpoint, Seed, n);
            try
            {
                var (status, body) = await host.SendAsync(request, ct);
                statuses.AddOrUpdate(status, 1, (_, count) => count + 1);
                if (status >= 500 || body.Contains("   at ", StringComparison.Ordinal) || body.Contains("Exception", StringComparison.Ordinal))
                {
                    failures.Enqueue($"{id} ({request.Description}): {status} {Shorten(body)}");
                }
            }
            catch (Exception ex)
            {
                failures.Enqueue($"{id} ({request.Description}): threw {ex.GetType().Name}: {ex.Message}");
            }
            finally
            {
                CapturedLogs.CurrentCase = null;
            }
        });
        await host.IdleAsync();
        await Task.Delay(300); // the outbox delivers what the last cases queued
        clock.Stop();

        var errors = host.Logs.Errors.Skip(logsBefore).ToList();
        output.WriteLine($"{endpoint}: {numbers.Length} cases (seed {Seed}) in {clock.Elapsed.TotalSeconds:F1} s; statuses " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        var report = new StringBuilder();
        foreach (var failure in failures.Take(10))
        {
            report.AppendLine(failure);
        }

        foreach (var error in errors.Take(5))
        {
            report.AppendLine(error.ToString());
        }

        Assert.True(failures.IsEmpty && errors.Count == 0,
            $"{failures.Count} failing cases and {errors.Count} errors logged for {endpoint}, seed {Seed} " +
            $"(replay one: PRACTICEBOT_FUZZ_SEED={Seed} PRACTICEBOT_FUZZ_CASE=<n>):\n{report}");
        Assert.True(statuses.Keys.Any(s => s is >= 200 and < 300), $"no case of {endpoint} was accepted: the fuzzing never got past the checks");
        if (endpoint == FuzzCases.Webhook)
        {
            // Reviews are text from outside: whatever the mutated ones said, none became a ping or a link.
            Assert.Empty(MarkupChecks.SlackViolations(host).Take(3));
            Assert.Empty(MarkupChecks.TeamsViolations(host).Take(3));
        }
    }

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
