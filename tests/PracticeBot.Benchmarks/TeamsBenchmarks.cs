using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using PracticeBot.Adapters.Teams;
using PracticeBot.Adapters.Teams.Auth;
using PracticeBot.Adapters.Teams.Inbound;
using PracticeBot.Adapters.Teams.Protocol;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Benchmarks;

/// <summary>
/// What every Teams activity costs before a handler runs: the JWT check with keys already cached, reading the
/// activity, mapping it, parsing the command and selecting the route.
/// </summary>
[MemoryDiagnoser]
public class TeamsBenchmarks
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";

    private readonly RSA _rsa = RSA.Create(2048);
    private BotFrameworkAuthenticator _authenticator = null!;
    private BotRouter _router = null!;
    private ServiceProvider _services = null!;
    private string _header = null!;
    private byte[] _activity = null!;

    [GlobalSetup]
    public void Setup()
    {
        var key = new RsaSecurityKey(_rsa) { KeyId = "bench" };
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
        jwk.AdditionalData["endorsements"] = new[] { "msteams" };
        var configuration = new OpenIdConnectConfiguration { Issuer = TeamsOptions.BotFrameworkIssuer, JsonWebKeySet = new JsonWebKeySet() };
        configuration.JsonWebKeySet.Keys.Add(jwk);
        configuration.SigningKeys.Add(jwk);
        _authenticator = new BotFrameworkAuthenticator(
            new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration),
            Options.Create(new TeamsOptions { AppId = AppId, AppPassword = "x" }),
            TimeProvider.System,
            NullLogger<BotFrameworkAuthenticator>.Instance);
        _header = "Bearer " + new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TeamsOptions.BotFrameworkIssuer,
            Audience = AppId,
            Expires = TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(1),
            Subject = new ClaimsIdentity([new Claim("serviceurl", ServiceUrl)]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
        _activity = JsonSerializer.SerializeToUtf8Bytes(new
        {
            type = "message",
            id = "1700000000001",
            channelId = "msteams",
            serviceUrl = ServiceUrl,
            from = new { id = "29:1abc", name = "Dana Cho", aadObjectId = "6a1f0c52-0000-4000-8000-000000000001" },
            recipient = new { id = "28:" + AppId, name = "PracticeBot" },
            conversation = new { id = "19:abc@thread.tacv2", conversationType = "channel", tenantId = "tenant-1" },
            text = "<at>PracticeBot</at> review claim 12",
            entities = new[] { new { type = "mention", text = "<at>PracticeBot</at>", mentioned = new { id = "28:" + AppId, name = "PracticeBot" } } },
            channelData = new { tenant = new { id = "tenant-1" }, team = new { id = "19:team@thread.tacv2" } },
        });
        _services = new ServiceCollection().AddPracticeBotCore().BuildServiceProvider();
        _router = _services.GetRequiredService<BotRouter>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _rsa.Dispose();
    }

    [Benchmark]
    public async Task<bool> ValidateToken()
    {
        var (token, _) = await _authenticator.ValidateTokenAsync(_header, CancellationToken.None);
        return token!.CheckActivity("msteams", ServiceUrl).Succeeded;
    }

    [Benchmark]
    public string? ParseMapAndRoute()
    {
        var activity = JsonSerializer.Deserialize<Activity>(_activity, TeamsJson.Options)!;
        var inbound = ActivityMapper.Map(activity);
        var turn = new TurnContext(inbound.Event!, _services, "bench", DateTimeOffset.UnixEpoch);
        turn.Command = CommandParser.ParseLine(((MessageReceived)inbound.Event!).Text).Command;
        return _router.Select(turn)?.Name;
    }

    [Benchmark(Baseline = true)]
    public async Task<string?> WholeActivity()
    {
        return await ValidateToken() ? ParseMapAndRoute() : null;
    }
}
