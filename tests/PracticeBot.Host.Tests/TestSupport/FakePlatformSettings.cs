using PracticeBot.Adapters.Slack.Tests.TestSupport;
using PracticeBot.Adapters.Teams.Tests.TestSupport;

namespace PracticeBot.Host.Tests.TestSupport;

/// <summary>Configuration (<c>Section:Key</c>) that points an in-memory host at the loopback fakes of both platforms.</summary>
public static class FakePlatformSettings
{
    /// <summary>No demo practice, a brisk outbox, single-workspace Slack and Teams, each against its fake.</summary>
    public static Dictionary<string, string?> SlackAndTeams(FakeSlackApi slack, BotFrameworkFake teams) => new()
    {
        ["Demo:Enabled"] = "false",
        ["Outbox:PollInterval"] = "00:00:00.100",
        ["Slack:SigningSecret"] = SlackTestData.SigningSecret,
        ["Slack:BotToken"] = SlackTestData.BotToken,
        ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
        ["Teams:AppId"] = TestTokens.AppId,
        ["Teams:AppPassword"] = "test-secret",
        ["Teams:OpenIdMetadataUrl"] = teams.MetadataUrl,
        ["Teams:TokenEndpoint"] = teams.TokenUrl,
    };
}
