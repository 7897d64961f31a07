using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using PracticeBot.Adapters.Reviews.Webhook;
using PracticeBot.Adapters.Slack.Events;
using PracticeBot.Adapters.Slack.Tests.TestSupport;
using PracticeBot.Adapters.Teams.Tests.TestSupport;
using PracticeBot.Host.Reviews.Sources;
using PracticeBot.Host.Tests.Fuzzing;

namespace PracticeBot.Host.Tests.TestSupport;

/// <summary>
/// The real host with every inbound endpoint on at once: Slack over HTTP (against <see cref="FakeSlackApi"/>), Teams
/// with Bot Framework authentication (against <see cref="BotFrameworkFake"/>) and the review webhook, on a SQLite
/// file of its own. A practice is set up in the Slack workspace and in the Teams team, with a few reviews, so that
/// authenticated requests reach the handlers. Logs go to <see cref="Logs"/> only; outbound HTTP may only reach
/// loopback. Requests are sent straight into the in-process server, headers and body exactly as the case says.
/// </summary>
#pragma warning disable CA1001 // disposed in DisposeAsync (xUnit lifetime)
public sealed class HostileHost : IAsyncLifetime
{
    public const string WebhookSecret = "fuzz-deployment-webhook-secret";
    public const string SlackPractice = "sunrise-family-medicine";
    public const string TeamsPractice = "teams-family-clinic";

    private readonly TempDatabaseFile _file = new();
    private readonly (string Key, string? Value)[] _extra;
    private Factory _factory = null!;

    public HostileHost() => _extra = [];

    private HostileHost((string Key, string? Value)[] extra) => _extra = extra;

    /// <summary>A host with these settings on top (start it with <see cref="InitializeAsync"/>).</summary>
    public static HostileHost With(params (string Key, string? Value)[] extra) => new(extra);

    public CapturedLogs Logs { get; } = new();
    public FakeSlackApi Slack { get; private set; } = null!;
    public BotFrameworkFake Teams { get; private set; } = null!;
    public TestServer Server => _factory.Server;
    public IServiceProvider Services => _factory.Services;
    public SlackSignature SlackSigner { get; } = new(SlackTestData.SigningSecret, TimeProvider.System);

    /// <summary>A valid Bot Framework token for <see cref="BotFrameworkFake.ServiceUrl"/>.</summary>
    public string TeamsToken { get; private set; } = "";

    /// <summary>Tokens that must be refused: expired, wrong audience, wrong issuer, unendorsed key, foreign key, alg none, HS256.</summary>
    public IReadOnlyList<string> BadTeamsTokens { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Slack = await FakeSlackApi.StartAsync();
        Teams = await BotFrameworkFake.StartAsync();
        var settings = FakePlatformSettings.SlackAndTeams(Slack, Teams);
        settings["Database:Provider"] = "sqlite";
        settings["ConnectionStrings:PracticeBot"] = $"Data Source={_file.Path}";
        settings["Sources:Webhook:Secret"] = WebhookSecret;
        settings["Sources:Webhook:RateLimit:PermitsPerPractice"] = "1000000";
        settings["Sources:Webhook:RateLimit:PermitsPerAddress"] = "1000000";
        foreach (var (key, value) in _extra)
        {
            settings[key] = value;
        }

        _factory = new Factory(settings, Logs);
        _factory.Server.PreserveExecutionContext = true; // so a case's id reaches what it logs, even from background work
        TeamsToken = TestTokens.Create(Teams, Teams.ServiceUrl);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        using var foreign = System.Security.Cryptography.RSA.Create(2048);
        BadTeamsTokens =
        [
            TestTokens.Create(Teams, Teams.ServiceUrl, expires: now.AddHours(-1)),
            TestTokens.Create(Teams, Teams.ServiceUrl, audience: "someone-else"),
            TestTokens.Create(Teams, Teams.ServiceUrl, issuer: "https://evil.example"),
            TestTokens.Create(Teams, Teams.ServiceUrl, kid: BotFrameworkFake.UnendorsedKid),
            TestTokens.Create(Teams, Teams.ServiceUrl, key: foreign),
            TestTokens.Create(Teams, "https://evil.example/connector/"),
            TestTokens.AlgNone(Teams.ServiceUrl),
            TestTokens.Hs256(Teams.ServiceUrl),
        ];

        await SetUpPracticesAsync();
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await Slack.DisposeAsync();
        await Teams.DisposeAsync();
        _file.Dispose();
    }

    /// <summary>Waits until the work Slack requests left running after their acknowledgement has finished.</summary>
    public Task IdleAsync() => Services.GetRequiredService<SlackBackgroundWork>().IdleAsync();

    /// <summary>Sends one case; its status and the start of its body.</summary>
    public async Task<(int Status, string Body)> SendAsync(FuzzRequest request, CancellationToken ct = default)
    {
        var context = await Server.SendAsync(http =>
        {
            var r = http.Request;
            r.Method = HttpMethods.Post;
            r.Scheme = "http";
            r.Host = new HostString("127.0.0.1");
            r.Path = request.Path;
            if (request.ContentType is not null)
            {
                r.ContentType = request.ContentType;
            }

            if (request.Auth == FuzzAuth.Valid)
            {
                Authenticate(request.Path, r.Headers, request.Body);
            }

            foreach (var (name, values) in request.Headers)
            {
                r.Headers[name] = StringValues.Concat(r.Headers[name], new StringValues(values));
            }

            r.Body = new MemoryStream(request.Body, writable: false);
            r.ContentLength = request.Chunked ? null : request.ContentLength ?? request.Body.Length;
        }, ct);

        var body = context.Response.Body;
        var buffer = new byte[4096];
        var read = body.CanRead ? await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct) : 0;
        return (context.Response.StatusCode, Encoding.UTF8.GetString(buffer, 0, read));
    }

    public void Authenticate(string path, IHeaderDictionary headers, byte[] body)
    {
        switch (path)
        {
            case SlackEventsApi.Path:
                var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                headers[SlackSignature.TimestampHeader] = timestamp;
                headers[SlackSignature.SignatureHeader] = SlackSigner.Sign(timestamp, body);
                break;
            case "/api/messages":
                headers.Authorization = "Bearer " + TeamsToken;
                break;
            case ReviewWebhookApi.Path:
                headers[WebhookSignature.Header] = WebhookSignature.Sign(body, WebhookSecret);
                break;
        }
    }

    /// <summary>A well-formed, valid webhook review for <paramref name="practice"/>.</summary>
    public static string Review(string externalId, int rating = 2, string practice = SlackPractice) => new JsonObject
    {
        ["practice"] = practice, ["source"] = "healthgrades", ["externalId"] = externalId, ["rating"] = rating, ["author"] = "J. D.",
        ["text"] = "Waited an hour and the front desk was rude.", ["createdAt"] = "2026-11-20T14:03:00Z",
        ["url"] = $"https://www.healthgrades.com/review/{externalId}", ["location"] = "Main St office",
    }.ToJsonString();

    private async Task SetUpPracticesAsync()
    {
        var setup = SlackPayloads.SlashCommand("/practice", "setup \"Sunrise Family Medicine\" America/Chicago", SlackTestData.ManagerId, Slack.ResponseUrl("setup"));
        var (slackStatus, _) = await SendAsync(new FuzzRequest(SlackEventsApi.Path, Encoding.UTF8.GetBytes(setup), "application/x-www-form-urlencoded", FuzzAuth.Valid, "setup"));
        Ensure(slackStatus, "Slack practice setup");

        foreach (var activity in new[]
        {
            Activities.BotAdded(Teams.ServiceUrl),
            Activities.Message(Teams.ServiceUrl, "practice setup \"Teams Family Clinic\" America/Chicago"),
        })
        {
            var (status, _) = await SendAsync(new FuzzRequest("/api/messages", Encoding.UTF8.GetBytes(activity.ToJsonString()), "application/json", FuzzAuth.Valid, "teams setup"));
            Ensure(status, "Teams practice setup");
        }

        await Eventually.TrueAsync(async () =>
        {
            var (status, _) = await SendAsync(Webhook($"[{Review("seed-1")},{Review("seed-2", 5)},{Review("seed-3", 1, TeamsPractice)}]"));
            return status == StatusCodes.Status200OK;
        }, "both practices to exist and take reviews");
        await IdleAsync();
    }

    private static FuzzRequest Webhook(string json) =>
        new(ReviewWebhookApi.Path, Encoding.UTF8.GetBytes(json), "application/json", FuzzAuth.Valid, "seed reviews");

    private static void Ensure(int status, string what)
    {
        if (status != StatusCodes.Status200OK)
        {
            throw new InvalidOperationException($"{what} answered {status}");
        }
    }

    private sealed class Factory(IReadOnlyDictionary<string, string?> settings, CapturedLogs logs) : PracticeBotFactory<Program>
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() => settings;

        protected override void ConfigureLogging(ILoggingBuilder logging)
        {
            logging.ClearProviders();
            logging.SetMinimumLevel(LogLevel.Warning);
            logging.AddProvider(logs);
        }

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(() => new LoopbackOnlyHandler()));
    }
}
