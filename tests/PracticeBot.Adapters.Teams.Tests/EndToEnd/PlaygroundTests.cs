using PracticeBot.Adapters.Teams.Tests.TestSupport;
using PracticeBot.Core.Reviews;

namespace PracticeBot.Adapters.Teams.Tests.EndToEnd;

/// <summary>The host in Teams local mode (no AppId, demo practice on) with the real Agents Playground in front of it.</summary>
public sealed class PlaygroundTests
{
    [PlaygroundFact]
    public async Task Playground_HelpAndReview_RepliesArriveWithClaimCard()
    {
        using var database = new TempDatabaseFile();
        var port = Playground.FreePort();
        await using var host = new LocalModeFactory(database.Path);
        host.UseKestrel(port);
        host.StartServer();
        await using var playground = await Playground.StartAsync($"http://127.0.0.1:{port}/api/messages");
        var config = await playground.ConfigAsync();
        var chat = (string)config["personalChat"]!["id"]!;
        var user = (string)config["currentUser"]!["id"]!;

        await playground.SayAsync(chat, user, "help");
        await playground.WaitForAsync(f => f.Contains("createMessage", StringComparison.Ordinal) && f.Contains("review claim", StringComparison.Ordinal), "help card");

        await playground.SayAsync(chat, user, "review");
        var reviews = await playground.WaitForAsync(f => f.Contains(ReviewActions.Claim, StringComparison.Ordinal), "review list with a Claim action");
        Assert.Contains("Action.Execute", reviews, StringComparison.Ordinal);
        Assert.Contains("Demo Family Practice", reviews, StringComparison.Ordinal);
    }

    private sealed class LocalModeFactory(string databaseFile) : PracticeBotFactory<Program>
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() => new Dictionary<string, string?>
        {
            ["Database:Provider"] = "sqlite",
            ["ConnectionStrings:PracticeBot"] = $"Data Source={databaseFile}",
            ["Teams:AppId"] = "",
        };
    }
}
