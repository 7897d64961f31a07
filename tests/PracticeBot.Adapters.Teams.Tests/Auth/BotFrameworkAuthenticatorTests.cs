using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using PracticeBot.Adapters.Teams.Auth;
using PracticeBot.Adapters.Teams.Tests.TestSupport;

namespace PracticeBot.Adapters.Teams.Tests.Auth;

public sealed class BotFrameworkAuthenticatorTests : IAsyncLifetime
{
    private BotFrameworkFake _fake = null!;
    private BotFrameworkAuthenticator _authenticator = null!;
    private string ServiceUrl => _fake.ServiceUrl;

    public async Task InitializeAsync()
    {
        _fake = await BotFrameworkFake.StartAsync();
        var options = Options.Create(new TeamsOptions { AppId = TestTokens.AppId, AppPassword = "secret", OpenIdMetadataUrl = _fake.MetadataUrl });
        var metadata = new ConfigurationManager<OpenIdConnectConfiguration>(
            _fake.MetadataUrl, new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever { RequireHttps = false });
        _authenticator = new BotFrameworkAuthenticator(metadata, options, TimeProvider.System, NullLogger<BotFrameworkAuthenticator>.Instance);
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private Task<AuthResult> Authenticate(string token, string channelId = "msteams", string? serviceUrl = null) =>
        _authenticator.AuthenticateAsync($"Bearer {token}", channelId, serviceUrl ?? ServiceUrl, CancellationToken.None);

    [Fact]
    public async Task Authenticate_ValidToken_Succeeds()
    {
        var result = await Authenticate(TestTokens.Create(_fake, ServiceUrl));

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public async Task Authenticate_ValidTokenTwice_ReadsMetadataOnce()
    {
        await Authenticate(TestTokens.Create(_fake, ServiceUrl));
        await Authenticate(TestTokens.Create(_fake, ServiceUrl));

        Assert.Equal(1, _fake.MetadataRequests);
    }

    [Fact]
    public async Task Authenticate_WrongAudience_Returns401()
    {
        var result = await Authenticate(TestTokens.Create(_fake, ServiceUrl, audience: "someone-else"));

        Assert.Equal((false, 401), (result.Succeeded, result.StatusCode));
    }

    [Fact]
    public async Task Authenticate_WrongIssuer_Returns401()
    {
        var result = await Authenticate(TestTokens.Create(_fake, ServiceUrl, issuer: "https://evil.example"));

        Assert.Equal((false, 401), (result.Succeeded, result.StatusCode));
    }

    [Fact]
    public async Task Authenticate_ExpiredBeyondSkew_Returns401()
    {
        var expired = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-6);

        var result = await Authenticate(TestTokens.Create(_fake, ServiceUrl, expires: expired));

        Assert.Equal((false, 401), (result.Succeeded, result.StatusCode));
    }

    [Fact]
    public async Task Authenticate_ExpiredWithinSkew_Succeeds()
    {
        var justExpired = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-4);

        var result = await Authenticate(TestTokens.Create(_fake, ServiceUrl, expires: justExpired));

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public async Task Authenticate_UnknownKey_Returns401()
    {
        using var stranger = System.Security.Cryptography.RSA.Create(2048);

        var result = await Authenticate(TestTokens.Create(_fake, ServiceUrl, kid: "unknown-kid", key: stranger));

        Assert.Equal((false, 401), (result.Succeeded, result.StatusCode));
    }

    [Fact]
    public async Task Authenticate_KnownKidSignedByOtherKey_Returns401()
    {
        using var stranger = System.Security.Cryptography.RSA.Create(2048);

        var result = await Authenticate(TestTokens.Create(_fake, ServiceUrl, key: stranger));

        Assert.Equal((false, 401), (result.Succeeded, result.StatusCode));
    }

    [Fact]
    public async Task Authenticate_KeyNotEndorsedForChannel_Returns403()
    {
        var result = await Authenticate(TestTokens.Create(_fake, ServiceUrl, kid: BotFrameworkFake.UnendorsedKid));

        Assert.Equal((false, 403), (result.Succeeded, result.StatusCode));
    }

    [Fact]
    public async Task Authenticate_ChannelOutsideEndorsements_Returns403()
    {
        var result = await Authenticate(TestTokens.Create(_fake, ServiceUrl), channelId: "slack");

        Assert.Equal((false, 403), (result.Succeeded, result.StatusCode));
    }

    [Fact]
    public async Task Authenticate_ServiceUrlMismatch_Returns401()
    {
        var result = await Authenticate(TestTokens.Create(_fake, ServiceUrl), serviceUrl: "https://attacker.example/");

        Assert.Equal((false, 401), (result.Succeeded, result.StatusCode));
    }

    [Fact]
    public async Task Authenticate_AlgNone_Returns401()
    {
        var result = await Authenticate(TestTokens.AlgNone(ServiceUrl));

        Assert.Equal((false, 401), (result.Succeeded, result.StatusCode));
    }

    [Fact]
    public async Task Authenticate_Hs256_Returns401()
    {
        var result = await Authenticate(TestTokens.Hs256(ServiceUrl));

        Assert.Equal((false, 401), (result.Succeeded, result.StatusCode));
    }

    [Fact]
    public async Task Authenticate_NoBearer_Returns401()
    {
        var result = await _authenticator.AuthenticateAsync(null, "msteams", ServiceUrl, CancellationToken.None);

        Assert.Equal((false, 401), (result.Succeeded, result.StatusCode));
    }
}
