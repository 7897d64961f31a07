using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Demo;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Storage;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Hosting;

public sealed class StartupTests
{
    /// <summary>What <c>dotnet run --project bot/PracticeBot.Host</c> sets (its launch profile): nothing but Development.</summary>
    private static readonly Dictionary<string, string> QuickStart = new() { ["DOTNET_ENVIRONMENT"] = "Development", ["DataProtection__KeyFilePath"] = "" };

    [Fact]
    public void LaunchProfile_DotnetRun_RunsInDevelopment()
    {
        // `dotnet run` uses the first profile; without one the host would run as Production, where local mode is off.
        using var settings = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "bot", "PracticeBot.Host", "Properties", "launchSettings.json")));

        var first = settings.RootElement.GetProperty("profiles").EnumerateObject().First().Value;

        Assert.Equal("Project", first.GetProperty("commandName").GetString());
        Assert.Equal("Development", first.GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString());
    }

    [Fact]
    public async Task Start_InProductionWithoutKeyProtection_ExitsNamingTheKeys()
    {
        var root = Directory.CreateTempSubdirectory("practicebot-run-").FullName;
        try
        {
            await using var host = HostProcess.Start(root, new Dictionary<string, string> { ["DataProtection__KeyFilePath"] = "" });

            var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(1, exitCode);
            Assert.Contains("DataProtection:KeyFilePath", host.Output, StringComparison.Ordinal);
            Assert.Contains("DataProtection:CertificatePath", host.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", host.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Start_QuickStartWithNoConfiguration_IsHealthyWithSqliteFileAndDemoPractice()
    {
        var root = Directory.CreateTempSubdirectory("practicebot-run-").FullName;
        try
        {
            await using (var host = HostProcess.Start(root, QuickStart))
            {
                await host.WaitHealthyAsync(TimeSpan.FromSeconds(60));

                Assert.True(File.Exists(Path.Combine(root, "data", "practicebot.db")), "data/practicebot.db was not created under the content root");
                Assert.Contains("local mode", host.Output, StringComparison.Ordinal);
                using var client = new HttpClient();
                var settings = await client.PostAsync(new Uri($"{host.Url}/api/local/chat"), new StringContent("practice settings"));
                Assert.Contains(DemoPractice.Slug, await settings.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                var rename = await client.PostAsync(new Uri($"{host.Url}/api/local/chat"), new StringContent("practice set name Renamed Demo"));
                Assert.Equal(HttpStatusCode.OK, rename.StatusCode);
            }

            await using (var again = HostProcess.Start(root, QuickStart))
            {
                await again.WaitHealthyAsync(TimeSpan.FromSeconds(60));
                using var client = new HttpClient();
                var settings = await client.PostAsync(new Uri($"{again.Url}/api/local/chat"), new StringContent("practice settings"));

                Assert.Contains("Renamed Demo", await settings.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Start_PostgresWithoutConnectionString_FailsFastNamingTheKey()
    {
        var root = Directory.CreateTempSubdirectory("practicebot-run-").FullName;
        try
        {
            await using var host = HostProcess.Start(root, new Dictionary<string, string> { ["Database__Provider"] = "postgres" });

            var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(1, exitCode);
            Assert.Contains("ConnectionStrings:PracticeBot is required when Database:Provider is 'postgres'", host.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", host.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Start_UnknownProvider_FailsFastNamingTheKey()
    {
        var root = Directory.CreateTempSubdirectory("practicebot-run-").FullName;
        try
        {
            await using var host = HostProcess.Start(root, new Dictionary<string, string> { ["Database__Provider"] = "mysql" });

            var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(1, exitCode);
            Assert.Contains("Database:Provider must be 'sqlite' or 'postgres', not 'mysql'", host.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Healthz_Sqlite_ReportsDatabaseAndScheduler()
    {
        using var file = new TempDatabaseFile();
        await using var factory = new BotFactory(BotFactory.Sqlite(file.Path));
        using var client = factory.CreateClient();

        var response = await Healthy(client);

        var report = await response.Content.ReadFromJsonAsync<HealthReportDto>();
        Assert.Equal("healthy", report!.Status);
        Assert.Equal("healthy", report.Checks["database"].Status);
        Assert.Equal("healthy", report.Checks["scheduler"].Status);
    }

    [PostgresFact]
    public async Task Healthz_Postgres_IsHealthyAndSeedsDemoOnce()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            for (var start = 0; start < 2; start++)
            {
                await using var factory = new BotFactory(BotFactory.Postgres(database, ("Demo:Enabled", "true")));
                using var client = factory.CreateClient();

                await Healthy(client);

                await using var scope = factory.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
                Assert.Equal(1, await db.Practices.CountAsync(p => p.Slug == DemoPractice.Slug));
                Assert.Equal(8, await db.Reviews.CountAsync(r => !r.ExternalId.StartsWith("demo-history-"))); // the sample cards; the rest is the dashboard's year of history
            }
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    [PostgresFact]
    public async Task Start_Postgres_AnotherInstanceMigratesLongerThanTheCommandTimeout_WaitsForItAndStarts()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            // Another instance holds the migration lock for 3 s, three times the command timeout.
            await using var other = new Npgsql.NpgsqlConnection(database);
            await other.OpenAsync();
            await LockAsync(other, "pg_advisory_lock");
            var releases = Task.Run(async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(3));
                await LockAsync(other, "pg_advisory_unlock");
            });

            await using var factory = new BotFactory(BotFactory.Postgres(database, ("Database:CommandTimeout", "00:00:01")));
            using var client = factory.CreateClient();

            await releases;
            var report = await (await Healthy(client)).Content.ReadFromJsonAsync<HealthReportDto>();
            Assert.Equal("healthy", report!.Checks["database"].Status);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }

        static async Task LockAsync(Npgsql.NpgsqlConnection connection, string function)
        {
            await using var command = new Npgsql.NpgsqlCommand($"SELECT {function}({DatabaseInitializer.MigrationLockKey})", connection);
            await command.ExecuteScalarAsync();
        }
    }

    [Fact]
    public async Task Restart_SameSqliteFile_KeepsPracticesAndDoesNotReseedDemo()
    {
        using var file = new TempDatabaseFile();
        var settings = BotFactory.Sqlite(file.Path, ("Demo:Enabled", "true"));
        await using (var first = new BotFactory(settings))
        {
            await first.Services.GetRequiredService<BotDispatcher>().DispatchAsync(new CommandReceived(
                new ConversationReference(Platforms.Slack, "T1", "C1"), new ChatUser("U1"), "practice", "setup Lakeside America/Denver"));
        }

        await using var second = new BotFactory(settings);
        _ = second.Server;
        await using var scope = second.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();

        Assert.Equal(["demo-family-practice", "lakeside"], await db.Practices.OrderBy(p => p.Slug).Select(p => p.Slug).ToListAsync());
    }

    /// <summary>Polls like a readiness probe: the scheduler starts just after the app does.</summary>
    private static async Task<HttpResponseMessage> Healthy(HttpClient client)
    {
        HttpResponseMessage? last = null;
        await Eventually.TrueAsync(
            async () =>
            {
                last = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
                return last.StatusCode == HttpStatusCode.OK;
            },
            "/healthz to answer 200",
            seconds: 20);
        return last!;
    }

    private sealed record HealthReportDto(string Status, Dictionary<string, HealthCheckDto> Checks);

    private sealed record HealthCheckDto(string Status, string? Description);
}
