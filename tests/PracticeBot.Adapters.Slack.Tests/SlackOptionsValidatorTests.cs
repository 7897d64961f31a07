namespace PracticeBot.Adapters.Slack.Tests;

public sealed class SlackOptionsValidatorTests
{
    private static IEnumerable<string> Failures(SlackOptions options) =>
        new SlackOptionsValidator().Validate(null, options).Failures ?? [];

    [Fact]
    public void Validate_BotTokenWithoutSigningSecret_NamesTheKey()
    {
        var failures = Failures(new SlackOptions { BotToken = "xoxb-1" });

        Assert.Contains(failures, f => f.StartsWith("Slack:SigningSecret is required when Slack:BotToken is set", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SocketModeWithBotToken_Succeeds()
    {
        Assert.Empty(Failures(new SlackOptions { BotToken = "xoxb-1", AppToken = "xapp-1-A-1" }));
    }

    [Fact]
    public void Validate_HttpSingleWorkspace_Succeeds()
    {
        Assert.Empty(Failures(new SlackOptions { BotToken = "xoxb-1", SigningSecret = "s" }));
    }

    [Fact]
    public void Validate_SigningSecretAlone_Succeeds()
    {
        // Requests are verified and answered in their acks; nothing is sent through the Web API without a token.
        Assert.Empty(Failures(new SlackOptions { SigningSecret = "s" }));
    }

    [Fact]
    public void Validate_NothingSet_Succeeds()
    {
        Assert.Empty(Failures(new SlackOptions()));
    }

    [Theory]
    [InlineData("AppToken", "xoxb-wrong", "Slack:AppToken must be an app-level token")]
    [InlineData("AppTokenAlone", "xapp-1", "Slack:BotToken is required when Slack:AppToken is set")]
    [InlineData("ClientId", "123.456", "Slack:ClientSecret is required when Slack:ClientId is set")]
    [InlineData("ClientSecret", "abc", "Slack:ClientId is required when Slack:ClientSecret is set")]
    [InlineData("ApiBaseUrl", "not a url", "Slack:ApiBaseUrl must be an absolute http(s) URL")]
    [InlineData("BotToken", "xoxp-user-token", "Slack:BotToken must be a bot token")]
    public void Validate_BadSetting_NamesTheKey(string what, string value, string expected)
    {
        var options = what switch
        {
            "AppToken" => new SlackOptions { AppToken = value, BotToken = "xoxb-1" },
            "AppTokenAlone" => new SlackOptions { AppToken = "xapp-1" },
            "ClientId" => new SlackOptions { ClientId = value, SigningSecret = "s" },
            "ClientSecret" => new SlackOptions { ClientSecret = value, SigningSecret = "s", BotToken = "xoxb-1" },
            "ApiBaseUrl" => new SlackOptions { ApiBaseUrl = value },
            "BotToken" => new SlackOptions { BotToken = value, SigningSecret = "s" },
            _ => new SlackOptions { SigningSecret = value },
        };

        Assert.Contains(Failures(options), f => f.StartsWith(expected, StringComparison.Ordinal));
    }
}
