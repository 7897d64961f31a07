using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Outbox;

namespace PracticeBot.Host.Tests.TestSupport;

/// <summary>
/// The real host (<see cref="Program"/>) on a database of the test's choosing, with in-memory platforms that record
/// what the outbox delivers. Requests come from loopback (<see cref="LoopbackConnection"/>) unless
/// <paramref name="noRemoteAddress"/> leaves them without a remote address, as the bare test server does.
/// </summary>
public sealed class BotFactory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configure = null, bool noRemoteAddress = false)
    : PracticeBotFactory<Program>
{
    public RecordingPlatformSender Slack { get; } = new(Platforms.Slack);

    public static IReadOnlyDictionary<string, string?> Sqlite(string file, params (string Key, string? Value)[] extra) =>
        With(new() { ["Database:Provider"] = "sqlite", ["ConnectionStrings:PracticeBot"] = $"Data Source={file}" }, extra);

    public static IReadOnlyDictionary<string, string?> Postgres(string connectionString, params (string Key, string? Value)[] extra) =>
        With(new() { ["Database:Provider"] = "postgres", ["ConnectionStrings:PracticeBot"] = connectionString }, extra);

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => settings;

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton<IPlatformSender>(Slack);
        if (!noRemoteAddress)
        {
            services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, LoopbackConnection>();
        }

        configure?.Invoke(services);
    }

    /// <summary>Waits until the outbox holds nothing pending: every message and Teams reply written so far was sent (or given up).</summary>
    public Task OutboxDrainedAsync() =>
        Eventually.TrueAsync(() =>
        {
            using var scope = Services.CreateScope();
            return !scope.ServiceProvider.GetRequiredService<PracticeBot.Core.Storage.PracticeBotDb>().Outbox.Any(o => o.Status == OutboxStatus.Pending);
        }, "the outbox to be drained");

    private static Dictionary<string, string?> With(Dictionary<string, string?> settings, (string Key, string? Value)[] extra)
    {
        settings["Outbox:PollInterval"] = "00:00:00.100";
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }
}
