using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Outbox;

namespace PracticeBot.Host.Tests.TestSupport;

/// <summary>
/// The real host (<see cref="Program"/>) on a database of the test's choosing, with in-memory platforms that record
/// what the outbox delivers. Requests come from loopback (<see cref="LoopbackConnection"/>) unless
/// <paramref name="noRemoteAddress"/> leaves them without a remote address, as the bare test server does.
/// </summary>
public sealed class BotFactory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null, bool noRemoteAddress = false)
    : WebApplicationFactory<Program>
{
    public RecordingPlatformSender Slack { get; } = new(Platforms.Slack);

    public static IReadOnlyDictionary<string, string?> Sqlite(string file, params (string Key, string? Value)[] extra) =>
        With(new() { ["Database:Provider"] = "sqlite", ["ConnectionStrings:PracticeBot"] = $"Data Source={file}" }, extra);

    public static IReadOnlyDictionary<string, string?> Postgres(string connectionString, params (string Key, string? Value)[] extra) =>
        With(new() { ["Database:Provider"] = "postgres", ["ConnectionStrings:PracticeBot"] = connectionString }, extra);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<IPlatformSender>(Slack);
            if (!noRemoteAddress)
            {
                s.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, LoopbackConnection>();
            }

            services?.Invoke(s);
        });
    }

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
