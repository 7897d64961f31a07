using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Storage;

namespace PracticeBot.Adapters.Teams.Tests.TestSupport;

/// <summary>The real host with Teams configured against the loopback fake, on a SQLite file of its own.</summary>
public sealed class TeamsBotFactory(
    BotFrameworkFake fake, string databaseFile, Action<IServiceCollection>? configure = null, IReadOnlyDictionary<string, string>? settings = null)
    : PracticeBotFactory<Program>
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        Dictionary<string, string?> all = new()
        {
            ["Database:Provider"] = "sqlite",
            ["ConnectionStrings:PracticeBot"] = $"Data Source={databaseFile}",
            ["Outbox:PollInterval"] = "00:00:00.100",
            ["Demo:Enabled"] = "false",
            ["Teams:AppId"] = TestTokens.AppId,
            ["Teams:AppPassword"] = "test-secret",
            ["Teams:OpenIdMetadataUrl"] = fake.MetadataUrl,
            ["Teams:TokenEndpoint"] = fake.TokenUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        return all;
    }

    protected override void ConfigureTestServices(IServiceCollection services) => configure?.Invoke(services);

    /// <summary>Waits until the outbox holds nothing pending: every reply and message written so far has reached the fake (or given up).</summary>
    public Task OutboxDrainedAsync() =>
        Eventually.TrueAsync(() =>
        {
            using var scope = Services.CreateScope();
            return !scope.ServiceProvider.GetRequiredService<PracticeBotDb>().Outbox.Any(o => o.Status == OutboxStatus.Pending);
        }, "the outbox to be drained");
}
