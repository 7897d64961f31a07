using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Dashboard;

/// <summary>
/// The real host on a database of the test's choosing with a fake clock, and the steps a person takes: set a practice
/// up in chat, ask for <c>practice dashboard</c>, open the link and press Sign in.
/// </summary>
public sealed partial class DashboardWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    private readonly Func<Task> _cleanup;

    private DashboardWorld(IReadOnlyDictionary<string, string?> settings, BotFactory factory, FakeTimeProvider time, Func<Task> cleanup)
    {
        Settings = settings;
        Factory = factory;
        Time = time;
        _cleanup = cleanup;
    }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    public BotFactory Factory { get; }

    public FakeTimeProvider Time { get; }

    public static DashboardWorld OnSqlite(params (string Key, string? Value)[] extra)
    {
        var file = new TempDatabaseFile();
        var time = new FakeTimeProvider(Start);
        var settings = BotFactory.Sqlite(file.Path, [("Demo:Enabled", "false"), .. extra]);
        var factory = new BotFactory(settings, s => s.AddSingleton<TimeProvider>(time));
        _ = factory.Server;
        return new DashboardWorld(settings, factory, time, async () =>
        {
            await factory.DisposeAsync();
            file.Dispose();
        });
    }

    public static async Task<DashboardWorld> OnPostgresAsync()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        var time = new FakeTimeProvider(Start);
        var settings = BotFactory.Postgres(database, ("Demo:Enabled", "false"));
        var factory = new BotFactory(settings, s => s.AddSingleton<TimeProvider>(time));
        _ = factory.Server;
        return new DashboardWorld(settings, factory, time, async () =>
        {
            await factory.DisposeAsync();
            await TestPostgres.DropDatabaseAsync(database);
        });
    }

    /// <summary>A second instance of the bot on the same database (same settings, same clock).</summary>
    public BotFactory SecondInstance() => new(Settings, s => s.AddSingleton<TimeProvider>(Time));

    public static ConversationReference Channel(string practice) => new(Platforms.Slack, $"T-{practice}", $"C-{practice}");

    /// <summary>Sets a practice up in its own Slack workspace; <paramref name="manager"/> becomes its manager.</summary>
    public async Task<long> SetUpPracticeAsync(string practice, string name, string manager)
    {
        var result = await SayAsync(practice, manager, "practice", $"setup \"{name}\" America/Chicago");
        Assert.Null(result.Failure);
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        return (await db.WorkspaceBindings.SingleAsync(b => b.WorkspaceId == $"T-{practice}")).PracticeId;
    }

    public async Task<long> AddMemberAsync(long practiceId, string user, string name, Role roles)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        var member = new Member { PracticeId = practiceId, Platform = Platforms.Slack, UserId = user, DisplayName = name, Roles = roles, JoinedAt = Start };
        db.Members.Add(member);
        await db.SaveChangesAsync();
        return member.Id;
    }

    public async Task SeedAsync(Action<PracticeBotDb> seed)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        seed(db);
        await db.SaveChangesAsync();
    }

    public Task<TurnResult> SayAsync(string practice, string user, string root, string text) =>
        Factory.Services.GetRequiredService<BotDispatcher>().DispatchAsync(new CommandReceived(Channel(practice), new ChatUser(user), root, text));

    /// <summary>Asks for the dashboard in chat and returns the link of the private answer.</summary>
    public async Task<string> LinkAsync(string practice, string user)
    {
        var result = await SayAsync(practice, user, "practice", "dashboard");
        var secret = Assert.Single(result.Replies, r => r.Secret);
        return LinkPattern().Match(secret.Message.Text).Value is { Length: > 0 } link ? link : throw new InvalidOperationException(secret.Message.Text);
    }

    public HttpClient Browser() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Opens the link, presses Sign in, and returns the response to the press.</summary>
    public static async Task<HttpResponseMessage> PressSignInAsync(HttpClient browser, string link)
    {
        var path = new Uri(link, UriKind.RelativeOrAbsolute).IsAbsoluteUri ? new Uri(link).PathAndQuery : link;
        var form = await browser.GetStringAsync(new Uri(path, UriKind.Relative));
        var token = FormTokenPattern().Match(form).Groups[1].Value;
        return await browser.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent([new("__form", token)]));
    }

    /// <summary>A browser signed in as <paramref name="user"/> through the chat link.</summary>
    public async Task<HttpClient> SignedInAsync(string practice, string user)
    {
        var browser = Browser();
        var pressed = await PressSignInAsync(browser, await LinkAsync(practice, user));
        Assert.Equal(HttpStatusCode.Redirect, pressed.StatusCode);
        return browser;
    }

    public static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient browser, string path)
    {
        using var response = await browser.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static Review NewReview(long practiceId, int number, string source, int? rating, DateTimeOffset received, ReviewStatus status, string? text = null) => new()
    {
        PracticeId = practiceId,
        Number = number,
        Source = source,
        ExternalId = $"{source}-{number}",
        Rating = rating,
        Text = text,
        Author = $"Author {number}",
        CreatedAt = received,
        ReceivedAt = received,
        Status = status,
        Url = $"https://reviews.example/{number}",
    };

    public async ValueTask DisposeAsync() => await _cleanup();

    [GeneratedRegex(@"(https?://[^\s]+)?/dashboard/signin/[A-Za-z0-9_-]{43}")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("name=\"__form\" value=\"([^\"]+)\"")]
    public static partial Regex FormTokenPattern();
}
