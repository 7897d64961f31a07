using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Adapters.Teams.Tests.TestSupport;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Practices.Onboarding;
using PracticeBot.Core.Practices.Settings;
using PracticeBot.Core.Storage;

namespace PracticeBot.Adapters.Teams.Tests.Integration;

/// <summary>
/// Issue 20 through Teams activities: every setting set, shown, refused and audited by @mention; answers that help;
/// messages in the personal chat; and the setup guide from the bot being added to a working practice by card buttons
/// and card inputs alone.
/// </summary>
#pragma warning disable CA1001 // disposed in DisposeAsync (xunit's IAsyncLifetime)
public sealed class TeamsEverydayTests : IAsyncLifetime
{
    private const string PersonalChat = "a:dm-chat-1";
    private readonly TempDatabaseFile _database = new();
    private BotFrameworkFake _fake = null!;
    private TeamsBotFactory _factory = null!;
    private HttpClient _client = null!;

    private static readonly Dictionary<string, string> BadValues = new()
    {
        ["name"] = new('x', 201), ["timezone"] = "Mars/Olympus_Mons", ["channel"] = "there", ["checkin"] = "someday 25:00",
        ["targets"] = "soon", ["approval"] = "sometimes", ["hold"] = "forever", ["alerts"] = "everyone loudly", ["quiet"] = "19:00",
        ["stall"] = "posting never", ["template"] = "grumpy Hello", ["tone"] = "grumpy", ["contact"] = new('x', 301), ["phrases"] = "Bad_Category! x",
    };

    public async Task InitializeAsync()
    {
        _fake = await BotFrameworkFake.StartAsync();
        _factory = new TeamsBotFactory(_fake, _database.Path);
        _client = _factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _fake.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task Settings_EachOneByMention_IsSetShownRefusedWithABadValueAndAudited()
    {
        await SetUpAsync();
        var changeable = SettingsCatalog.All.Where(s => s.Change is not null).ToList();

        foreach (var setting in changeable)
        {
            var set = await SayAsync($"practice set {setting.Key} {setting.Example}");
            Assert.Contains("changed", set, StringComparison.Ordinal);
            Assert.Contains(setting.Label, set, StringComparison.Ordinal);

            var practice = await PracticeAsync();
            var shown = await SayAsync($"practice settings {setting.Key}");
            Assert.Contains(OutsideText.Strip(setting.Format(practice)), shown, StringComparison.Ordinal);

            var before = Snapshot(practice);
            var refused = await SayAsync($"practice set {setting.Key} {BadValues[setting.Key]}");
            Assert.Contains("Nothing was changed.", refused, StringComparison.Ordinal);
            Assert.Contains(setting.ExampleCommand, refused, StringComparison.Ordinal);
            Assert.Equal(before, Snapshot(await PracticeAsync()));
        }

        var audited = await WithDbAsync(db => db.AuditEntries.Where(a => a.Action == SettingsCatalog.ChangedAction).OrderBy(a => a.Id).Select(a => a.Detail!).ToListAsync());
        Assert.Equal(changeable.Select(s => s.Key), audited.Select(d => d.Split(':')[0]));
    }

    [Fact]
    public async Task Typos_GetTheClosestCommand_AndRoleRefusalsNameWhoMay()
    {
        await SetUpAsync();

        var typo = await SayAsync("reveiw claim 12");
        var bare = await SayAsync("claim 12");
        var wrong = await SayAsync("posting plan lots");
        var refused = await SayAsync("practice set tone brief", userId: "29:bob");

        // Teams shows a plain message with the code spans in quotes.
        Assert.Contains("Did you mean \"review claim 12\"?", typo, StringComparison.Ordinal);
        Assert.Contains("Did you mean \"review claim 12\"?", bare, StringComparison.Ordinal);
        Assert.Contains("For example: \"posting plan 3/week\"", wrong, StringComparison.Ordinal);
        Assert.Contains("Only managers can use \"practice set\". Here that is", refused, StringComparison.Ordinal);
        Assert.Equal("warm", (await PracticeAsync()).Settings.ReplyTone);
    }

    [Fact]
    public async Task Messages_InThePersonalChat_WorkWithOrWithoutAMention()
    {
        await SetUpAsync();

        var plain = await SayAsync("practice set hold 5m", personal: true, mention: false);
        var mentioned = await SayAsync("practice settings hold", personal: true);

        Assert.Contains("Publishing hold", plain, StringComparison.Ordinal);
        Assert.Contains("5 min", mentioned, StringComparison.Ordinal);
        Assert.Equal(5, (await PracticeAsync()).Settings.PublishHoldMinutes);
    }

    [Fact]
    public async Task BotAdded_GuideInThePersonalChat_ButtonsAndCardInputsAlone_MakeAWorkingPractice()
    {
        var added = await SendAsync(Activities.BotAdded(_fake.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var guidePath = $"/v3/conversations/{Uri.EscapeDataString(PersonalChat)}/activities";
        await Eventually.TrueAsync(() => _fake.CallsTo("POST", guidePath).Any(c => c.Body.Contains(SetupGuideActions.Start, StringComparison.Ordinal)), "the setup guide in the personal chat");
        var guide = JsonNode.Parse(_fake.CallsTo("POST", guidePath).First(c => c.Body.Contains(SetupGuideActions.Start, StringComparison.Ordinal)).Body)!;
        var start = Verbs(guide).Single(v => v.Verb == SetupGuideActions.Start).Value;

        var form = await PressAsync(SetupGuideActions.Start, start);
        Assert.Contains("Input.Text", form, StringComparison.Ordinal);
        Assert.Contains(SetupGuideActions.NameInput, form, StringComparison.Ordinal);
        await PressAsync(SetupGuideActions.Create, start, (SetupGuideActions.NameInput, "Sunrise Family Medicine"), (SetupGuideActions.TimeZoneInput, "America/Chicago"));
        await PressAsync(SetupGuideActions.TakeRole, "responder");
        await PressAsync(SetupGuideActions.Source, "");
        var planForm = await PressAsync(SetupGuideActions.Plan, "");
        Assert.Contains(SetupGuideActions.PostsInput, planForm, StringComparison.Ordinal);
        var done = await PressAsync(SetupGuideActions.SavePlan, "", (SetupGuideActions.PostsInput, "3"), (SetupGuideActions.NetworksInput, "facebook"));

        var practice = await PracticeAsync();
        Assert.Equal(("Sunrise Family Medicine", "America/Chicago", Activities.Channel), (practice.Name, practice.TimeZone, practice.Channel!.ChannelId));
        Assert.Equal(Role.Manager | Role.Responder, (await WithDbAsync(db => db.Members.SingleAsync())).Roles);
        Assert.Equal(3, (await WithDbAsync(db => db.PostingPlans.SingleAsync())).PostsPerWeek);
        await Eventually.TrueAsync(
            () => done.Contains("All set", StringComparison.Ordinal) || _fake.Calls.Any(c => c.Body.Contains("All set: the practice is ready", StringComparison.Ordinal)),
            "the guide to say setup is done");
        var channelPath = $"/v3/conversations/{Uri.EscapeDataString(Activities.Channel)}/activities";
        await Eventually.TrueAsync(() => _fake.CallsTo("POST", channelPath).Any(c => c.Body.Contains("is set up", StringComparison.Ordinal)), "the channel to hear of it");
        // The practice works: a message in the channel answers for it.
        Assert.Contains("Sunrise Family Medicine", await SayAsync("practice settings name"), StringComparison.Ordinal);
    }

    private async Task SetUpAsync()
    {
        await SendAsync(Activities.BotAdded(_fake.ServiceUrl));
        await SayAsync("practice setup \"Sunrise Family Medicine\" America/Chicago");
        Assert.NotNull(await PracticeAsync());
    }

    /// <summary>Sends a message (an @mention in the channel, or in the personal chat) and returns the text of what came back.</summary>
    private async Task<string> SayAsync(string text, string userId = Activities.AnnId, bool personal = false, bool mention = true)
    {
        var activity = Activities.Message(_fake.ServiceUrl, mention ? $"<at>PracticeBot</at> {text}" : text, userId);
        if (mention)
        {
            activity["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention", ["text"] = "<at>PracticeBot</at>",
                ["mentioned"] = new JsonObject { ["id"] = Activities.BotId, ["name"] = "PracticeBot" },
            });
        }

        if (personal)
        {
            activity["conversation"] = new JsonObject { ["id"] = PersonalChat, ["conversationType"] = "personal", ["tenantId"] = Activities.Tenant };
            activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Activities.Tenant } };
        }

        await _factory.OutboxDrainedAsync(); // what earlier turns said has arrived before the mark
        var mark = _fake.Calls.Count;
        var response = await SendAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _factory.OutboxDrainedAsync();
        var conversation = Uri.EscapeDataString(personal ? PersonalChat : Activities.Channel);
        await Eventually.TrueAsync(() => _fake.Calls.Skip(mark).Any(c => c.Path.Contains(conversation, StringComparison.Ordinal)), $"an answer to `{text}`");
        return string.Join("\n", _fake.Calls.Skip(mark).Select(c => c.Json is { } json ? Texts(json) : c.Body));
    }

    /// <summary>Presses a card button (Action.Execute) in the personal chat, with the card's inputs; returns the invoke's answer.</summary>
    private async Task<string> PressAsync(string verb, string value, params (string Input, string Value)[] inputs)
    {
        var activity = Activities.CardAction(_fake.ServiceUrl, verb, value, "act-guide");
        activity["conversation"] = new JsonObject { ["id"] = PersonalChat, ["conversationType"] = "personal", ["tenantId"] = Activities.Tenant };
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Activities.Tenant } };
        var data = activity["value"]!["action"]!["data"]!.AsObject();
        foreach (var (input, text) in inputs)
        {
            data[input] = text;
        }

        var response = await SendAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        return body.Length == 0 ? "" : Texts(JsonNode.Parse(body)) + body;
    }

    private async Task<HttpResponseMessage> SendAsync(JsonObject activity)
    {
        using var request = Activities.Post(activity, TestTokens.Create(_fake, _fake.ServiceUrl));
        return await _client.SendAsync(request);
    }

    private Task<Practice> PracticeAsync() => WithDbAsync(db => db.Practices.AsNoTracking().SingleAsync());

    private async Task<T> WithDbAsync<T>(Func<PracticeBotDb, Task<T>> work)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PracticeBotDb>());
    }

    private static string Snapshot(Practice practice) =>
        $"{practice.Name}|{practice.TimeZone}|{practice.Channel}|{JsonSerializer.Serialize(practice.Settings)}";

    private static IEnumerable<(string Verb, string Value)> Verbs(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "Action.Execute" => [((string)o["verb"]!, (string?)o["data"]?["value"] ?? "")],
        JsonObject o => o.SelectMany(p => Verbs(p.Value)),
        JsonArray a => a.SelectMany(Verbs),
        _ => [],
    };

    private static string Texts(JsonNode? node) => node switch
    {
        JsonObject o => string.Join("\n", o.Select(p => Texts(p.Value))),
        JsonArray a => string.Join("\n", a.Select(Texts)),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => "",
    };
}
