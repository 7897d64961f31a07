namespace PracticeBot.Adapters.Teams.Tests;

public sealed class TeamsOptionsValidatorTests
{
    [Fact]
    public void Validate_AppIdWithoutPassword_NamesTheMissingKey()
    {
        var result = new TeamsOptionsValidator().Validate(null, new TeamsOptions { AppId = "app" });

        Assert.True(result.Failed);
        Assert.Contains("Teams:AppPassword", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoAppIdAndLocalModeChosen_IsLocalModeAndValid()
    {
        var options = new TeamsOptions { LocalModeEnabled = true };

        Assert.True(new TeamsOptionsValidator().Validate(null, options).Succeeded);
        Assert.True(options.IsLocalMode);
    }

    [Fact]
    public void IsLocalMode_NoAppIdButLocalModeNotChosen_IsFalse()
    {
        // A missing app id alone no longer implies local mode (issue #18 item 2).
        var options = new TeamsOptions();

        Assert.True(new TeamsOptionsValidator().Validate(null, options).Succeeded);
        Assert.False(options.IsLocalMode);
    }

    [Fact]
    public void EffectiveTokenEndpoint_SingleTenant_UsesTheTenant() =>
        Assert.Equal("https://login.microsoftonline.com/tenant-9/oauth2/v2.0/token", new TeamsOptions { TenantId = "tenant-9" }.EffectiveTokenEndpoint);
}
