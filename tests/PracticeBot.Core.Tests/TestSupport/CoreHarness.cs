using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Scheduling;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Tests.TestSupport;

/// <summary>The real core (router, middleware, handlers) over an in-memory SQLite database and a fake clock.</summary>
public sealed class CoreHarness : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly string? _file;

    private CoreHarness(SqliteConnection connection, string? file, ServiceProvider services, FakeTimeProvider time)
    {
        _connection = connection;
        _file = file;
        Services = services;
        Time = time;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    public RecordingBotScheduler Scheduler => (RecordingBotScheduler)Services.GetRequiredService<IBotScheduler>();

    public BotDispatcher Dispatcher => Services.GetRequiredService<BotDispatcher>();

    /// <param name="onFile">
    /// A database file instead of memory, so every turn has a connection of its own and turns can truly run at once.
    /// </param>
    public static async Task<CoreHarness> CreateAsync(Action<IServiceCollection>? configure = null, bool onFile = false)
    {
        var file = onFile ? Path.Combine(Path.GetTempPath(), $"practicebot-core-{Guid.NewGuid():N}.db") : null;
        var connection = new SqliteConnection(file is null ? "Data Source=:memory:" : $"Data Source={file}");
        await connection.OpenAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IBotScheduler, RecordingBotScheduler>()
            .AddSingleton<PracticeBot.Core.Posting.IPostingCalendarTokens, FakeCalendarTokens>()
            .AddDbContext<PracticeBotDb>(o =>
            {
                if (file is null)
                {
                    o.UseSqlite(connection);
                }
                else
                {
                    o.UseSqlite($"Data Source={file}");
                }
            })
            .AddPracticeBotCore();
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PracticeBotDb>().Database.EnsureCreatedAsync();
        }

        return new CoreHarness(connection, file, provider, time);
    }

    /// <summary>Types <paramref name="line"/> as a slash command in workspace <paramref name="workspace"/>.</summary>
    public Task<TurnResult> CommandAsync(string userId, string line, string workspace = "T1", string channel = "C1")
    {
        var parts = line.Split(' ', 2);
        return Dispatcher.DispatchAsync(new CommandReceived(
            new ConversationReference(Platforms.Slack, workspace, channel), new ChatUser(userId, userId.ToUpperInvariant()), parts[0], parts.Length > 1 ? parts[1] : ""));
    }

    /// <summary>Presses a button of a card the bot sent.</summary>
    public Task<TurnResult> PressAsync(string userId, string actionId, string value, IReadOnlyDictionary<string, string>? inputs = null, string workspace = "T1") =>
        Dispatcher.DispatchAsync(new ActionInvoked(
            new ConversationReference(Platforms.Slack, workspace, "C1"), new ChatUser(userId, userId.ToUpperInvariant()), actionId, value,
            inputs ?? new Dictionary<string, string>()));

    /// <summary>Sets up practice "Sunrise" in workspace T1 with <paramref name="userId"/> as its manager; returns its id.</summary>
    public async Task<long> SetUpPracticeAsync(string userId = "U-owner")
    {
        await CommandAsync(userId, "practice setup Sunrise America/Chicago");
        await using var db = OpenDb();
        return await db.Practices.Where(p => p.Name == "Sunrise").Select(p => p.Id).SingleAsync();
    }

    /// <summary>A fresh, unscoped view of the database for assertions.</summary>
    public PracticeBotDb OpenDb()
    {
        var db = new PracticeBotDb(new DbContextOptionsBuilder<PracticeBotDb>().UseSqlite(_connection).Options) { PracticeScope = null };
        return db;
    }

    public static string Text(TurnResult result) => string.Join("\n", result.Replies.Select(r => PlainTextRenderer.Render(r.Message)));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _connection.DisposeAsync();
        if (_file is not null)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(_file);
        }
    }
}
