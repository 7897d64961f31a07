using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Adapters.Slack.Events;
using PracticeBot.Core.Storage;

namespace PracticeBot.Adapters.Slack.Tests.TestSupport;

/// <summary>
/// The real host (<see cref="Program"/>) configured for one Slack workspace on a temp SQLite file, with Slack's Web
/// API pointed at a <see cref="FakeSlackApi"/>. Requests are signed like Slack signs them.
/// </summary>
public sealed class SlackHost : PracticeBotFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("practicebot-slack-").FullName;
    private readonly Dictionary<string, string?> _settings;

    private readonly Action<IServiceCollection>? _services;

    public SlackHost(FakeSlackApi slack, params (string Key, string? Value)[] extra)
        : this(slack, null, extra)
    {
    }

    public SlackHost(FakeSlackApi slack, Action<IServiceCollection>? services, params (string Key, string? Value)[] extra)
    {
        Slack = slack;
        _services = services;
        _settings = new()
        {
            ["Database:Provider"] = "sqlite",
            ["ConnectionStrings:PracticeBot"] = $"Data Source={Path.Combine(_folder, "practicebot.db")}",
            ["Demo:Enabled"] = "false",
            ["Outbox:PollInterval"] = "00:00:00.100",
            ["Outbox:BaseDelay"] = "00:00:00.500",
            ["Slack:SigningSecret"] = SlackTestData.SigningSecret,
            ["Slack:BotToken"] = SlackTestData.BotToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
        };
        foreach (var (key, value) in extra)
        {
            _settings[key] = value;
        }
    }

    public FakeSlackApi Slack { get; }

    public SlackSignature Signer { get; } = new(SlackTestData.SigningSecret, TimeProvider.System);

    /// <summary>POSTs a body to <c>/slack/events</c> signed now (or at <paramref name="at"/>).</summary>
    public async Task<HttpResponseMessage> PostSignedAsync(
        string body, string contentType, DateTimeOffset? at = null, string? signature = null, int? retryNum = null)
    {
        using var client = CreateClient();
        var timestamp = (at ?? Services.GetRequiredService<TimeProvider>().GetUtcNow()).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, SlackEventsApi.Path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, signature ?? Signer.Sign(timestamp, bytes));
        if (retryNum is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return await client.SendAsync(request);
    }

    public Task<HttpResponseMessage> SlashCommandAsync(string command, string text, string userId = SlackTestData.ManagerId, string? responseUrl = null, string? triggerId = null) =>
        PostSignedAsync(SlackPayloads.SlashCommand(command, text, userId, responseUrl ?? Slack.ResponseUrl("cmd"), triggerId), "application/x-www-form-urlencoded");

    public Task<HttpResponseMessage> InteractionAsync(string payloadJson) =>
        PostSignedAsync("payload=" + Uri.EscapeDataString(payloadJson), "application/x-www-form-urlencoded");

    /// <summary>Sets the practice up in the fake workspace, as its manager would.</summary>
    public async Task SetUpPracticeAsync()
    {
        using var response = await SlashCommandAsync("/practice", "setup \"Sunrise Family Medicine\" America/Chicago", responseUrl: Slack.ResponseUrl("setup"));
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync();

        // A cold host may take longer than the ack budget: then the answer comes through response_url instead.
        await Eventually.TrueAsync(
            () => text.Contains("is set up", StringComparison.Ordinal)
                || Slack.CallsTo("response_url:setup").Any(c => c.Json.Contains("is set up", StringComparison.Ordinal)),
            "the practice to be set up");
    }

    public async Task<T> WithDbAsync<T>(Func<PracticeBotDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        return await work(db);
    }

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => _settings;

    protected override void ConfigureTestServices(IServiceCollection services) => _services?.Invoke(services);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }
    }
}
