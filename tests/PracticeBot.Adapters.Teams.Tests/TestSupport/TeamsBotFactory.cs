using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PracticeBot.Adapters.Teams.Tests.TestSupport;

/// <summary>The real host with Teams configured against the loopback fake, on a SQLite file of its own.</summary>
public sealed class TeamsBotFactory(
    BotFrameworkFake fake, string databaseFile, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "sqlite");
        builder.UseSetting("ConnectionStrings:PracticeBot", $"Data Source={databaseFile}");
        builder.UseSetting("Outbox:PollInterval", "00:00:00.100");
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Teams:AppId", TestTokens.AppId);
        builder.UseSetting("Teams:AppPassword", "test-secret");
        builder.UseSetting("Teams:OpenIdMetadataUrl", fake.MetadataUrl);
        builder.UseSetting("Teams:TokenEndpoint", fake.TokenUrl);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }
}
