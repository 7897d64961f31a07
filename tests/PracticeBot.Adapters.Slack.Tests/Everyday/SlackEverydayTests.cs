using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PracticeBot.Adapters.Slack.Tests.TestSupport;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Practices.Onboarding;
using PracticeBot.Core.Practices.Settings;

namespace PracticeBot.Adapters.Slack.Tests.Everyday;

/// <summary>
/// Issue 20 through Slack's own payloads: every setting set, shown, refused and audited by slash command; answers that
/// help; commands in a direct message; and the setup guide from the bot being added to a working practice by buttons
/// and modals alone.
/// </summary>
public sealed class SlackEverydayTests
{
    private const string Direct = "D0DIRECT01";
    private int _answers;

    /// <summary>A value each setting must refuse (the core's SettingsCatalogTests checks each setting has one too).</summary>
    private static readonly Dictionary<string, string> BadValues = new()
    {
        ["name"] = new('x', 201), ["timezone"] = "Mars/Olympus_Mons", ["channel"] = "there", ["checkin"] = "someday 25:00",
        ["targets"] = "soon", ["approval"] = "sometimes", ["hold"] = "forever", ["alerts"] = "everyone loudly", ["quiet"] = "19:00",
        ["stall"] = "posting never", ["template"] = "grumpy Hello", ["tone"] = "grumpy", ["contact"] = new('x', 301), ["phrases"] = "Bad_Category! x",
    };

    [Fact]
    public async Task Settings_EachOneBySlashCommand_IsSetShownRefusedWithABadValueAndAudited()
    {
        await using var env = await SlackEnvironment.StartAsync();
        await env.Host.SetUpPracticeAsync();
        var changeable = SettingsCatalog.All.Where(s => s.Change is not null).ToList();
        Assert.Equal(changeable.Select(s => s.Key).Order(), BadValues.Keys.Order());

        foreach (var setting in changeable)
        {
            var set = await AskAsync(env, "/practice", $"set {setting.Key} {setting.Example}");
            Assert.Contains($"<@{SlackTestData.ManagerId}> changed *{setting.Label}*", set, StringComparison.Ordinal);
            Assert.Contains("\"in_channel\"", set, StringComparison.Ordinal);

            var practice = await PracticeAsync(env);
            var shown = await AskAsync(env, "/practice", $"settings {setting.Key}");
            Assert.Contains(OutsideText.Strip(setting.Format(practice)), shown, StringComparison.Ordinal);

            var before = Snapshot(practice);
            var refused = await AskAsync(env, "/practice", $"set {setting.Key} {BadValues[setting.Key]}");
            Assert.Contains("Nothing was changed.", refused, StringComparison.Ordinal);
            Assert.Contains($"For example: `{setting.ExampleCommand}`", refused, StringComparison.Ordinal);
            Assert.Equal(before, Snapshot(await PracticeAsync(env)));
        }

        var card = await AskAsync(env, "/practice", "settings");
        Assert.All(changeable, s => Assert.Contains(s.Label, card, StringComparison.Ordinal));
        var audited = await env.Host.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == SettingsCatalog.ChangedAction).OrderBy(a => a.Id).Select(a => a.Detail!).ToListAsync());
        Assert.Equal(changeable.Select(s => s.Key), audited.Select(d => d.Split(':')[0]));
        var practiceNow = await PracticeAsync(env);
        Assert.Equal((48 + 24, 24), (practiceNow.Settings.ResponseTargetHours, practiceNow.Settings.UrgentResponseTargetHours));
        Assert.Equal((new TimeOnly(19, 0), new TimeOnly(7, 0)), (practiceNow.Settings.QuietHoursStart!.Value, practiceNow.Settings.QuietHoursEnd!.Value));
        Assert.Equal((14, 7), (practiceNow.Settings.StallNoPostDays, practiceNow.Settings.StallClaimedUntouchedDays));
    }

    [Fact]
    public async Task Set_ByAMemberWhoIsNoManager_IsRefusedNamingTheManagers()
    {
        await using var env = await SlackEnvironment.StartAsync();
        await env.Host.SetUpPracticeAsync();

        var refused = await AskAsync(env, "/practice", "set tone brief", user: "U0RESPOND1");

        Assert.Contains($"Only managers can use `practice set`. Here that is <@{SlackTestData.ManagerId}>", refused, StringComparison.Ordinal);
        Assert.Equal("warm", (await PracticeAsync(env)).Settings.ReplyTone);
    }

    [Fact]
    public async Task Typos_AndWrongArguments_GetTheClosestCommandOrTheUsageWithAnExample()
    {
        await using var env = await SlackEnvironment.StartAsync();
        await env.Host.SetUpPracticeAsync();

        var typo = await AskAsync(env, "/review", "clam 12");
        var wrong = await AskAsync(env, "/review", "claim abc");
        var settingTypo = await AskAsync(env, "/practice", "set tnoe brief");
        var mention = SlackPayloads.EventCallback("Ev0TYPO0001", SlackPayloads.AppMention($"<@{SlackTestData.BotUserId}> reveiw claim 12"));
        using (var response = await env.Host.PostSignedAsync(mention, "application/json"))
        {
            response.EnsureSuccessStatusCode();
        }

        Assert.Contains("Did you mean `review claim 12`?", typo, StringComparison.Ordinal);
        Assert.Contains("`review claim <id> [@user]`", wrong, StringComparison.Ordinal);
        Assert.Contains("For example: `review claim 12`", wrong, StringComparison.Ordinal);
        Assert.Contains("Did you mean `tone`?", settingTypo, StringComparison.Ordinal);
        await Eventually.TrueAsync(
            () => env.Slack.CallsTo("chat.postEphemeral").Any(c => Texts(c.Body).Contains("Did you mean `review claim 12`?", StringComparison.Ordinal)),
            "the mention to be answered with the command");
    }

    [Fact]
    public async Task SlashCommands_InADirectMessage_WorkAsInTheChannel()
    {
        await using var env = await SlackEnvironment.StartAsync();
        await env.Host.SetUpPracticeAsync();

        var set = await AskAsync(env, "/practice", "set hold 5m", channel: Direct);
        var shown = await AskAsync(env, "/practice", "settings hold", channel: Direct);

        Assert.Contains("changed *Publishing hold*", set, StringComparison.Ordinal);
        Assert.Contains("5 min", shown, StringComparison.Ordinal);
        // Shown where it was made, and in the practice's channel, which is another.
        await Eventually.TrueAsync(
            () => env.Slack.CallsTo("chat.postMessage").Any(c => c.Get("channel") == SlackTestData.ChannelId && Texts(c.Body).Contains("changed *Publishing hold*", StringComparison.Ordinal)),
            "the change to be shown in the practice's channel");
    }

    [Fact]
    public async Task BotAdded_GuideInADirectMessage_ButtonsAndModalsAlone_MakeAWorkingPractice()
    {
        await using var env = await SlackEnvironment.StartAsync();
        var joined = new JsonObject
        {
            ["type"] = "member_joined_channel", ["user"] = SlackTestData.BotUserId, ["channel"] = SlackTestData.ChannelId,
            ["channel_type"] = "C", ["team"] = SlackTestData.TeamId, ["inviter"] = SlackTestData.ManagerId, ["event_ts"] = "1700000000.000100",
        };
        using (var response = await env.Host.PostSignedAsync(SlackPayloads.EventCallback("Ev0JOINED01", joined), "application/json"))
        {
            response.EnsureSuccessStatusCode();
        }

        var dm = "D" + SlackTestData.ManagerId;
        await Eventually.TrueAsync(() => env.Slack.CallsTo("chat.postMessage").Any(c => c.Get("channel") == dm), "the setup guide in a direct message");
        var guide = env.Slack.CallsTo("chat.postMessage").First(c => c.Get("channel") == dm);
        var start = Button(guide.Body, SetupGuideActions.Start);
        Assert.Equal($"{SlackTestData.ChannelId}|", start);

        // Step 1: the button opens a modal; its submission sets the practice up.
        var nameForm = await PressForModalAsync(env, SetupGuideActions.Start, start, dm);
        await SubmitAsync(env, nameForm, (SetupGuideActions.NameInput, "Sunrise Family Medicine"), (SetupGuideActions.TimeZoneInput, "America/Chicago"));
        await Eventually.TrueAsync(() => env.Host.WithDbAsync(db => db.Practices.AnyAsync()), "the practice to be set up");

        // Steps 3 and 4 are buttons; step 5 a modal. Each is pressed once the one before has done its work, as a person
        // sees the guide change before pressing on (turns run at once; the last step's guide reads what the others wrote).
        await PressAsync(env, SetupGuideActions.TakeRole, "responder", dm);
        await Eventually.TrueAsync(() => env.Host.WithDbAsync(db => db.Members.AnyAsync(m => (m.Roles & Role.Responder) != 0)), "the responder role to be taken");
        await PressAsync(env, SetupGuideActions.Source, "", dm);
        await Eventually.TrueAsync(async () => (await PracticeAsync(env)).Settings.ProtectedWebhookSecret is not null, "the webhook secret to be made");
        var planForm = await PressForModalAsync(env, SetupGuideActions.Plan, "", dm);
        await SubmitAsync(env, planForm, (SetupGuideActions.PostsInput, "3"), (SetupGuideActions.NetworksInput, "facebook"));

        await Eventually.TrueAsync(() => env.Host.WithDbAsync(db => db.PostingPlans.AnyAsync()), "the posting plan to be saved");
        var practice = await PracticeAsync(env);
        Assert.Equal(("Sunrise Family Medicine", "America/Chicago", SlackTestData.ChannelId), (practice.Name, practice.TimeZone, practice.Channel!.ChannelId));
        var member = await env.Host.WithDbAsync(db => db.Members.SingleAsync());
        Assert.Equal((SlackTestData.ManagerId, Role.Manager | Role.Responder), (member.UserId, member.Roles));
        Assert.Equal(3, (await env.Host.WithDbAsync(db => db.PostingPlans.SingleAsync())).PostsPerWeek);
        await Eventually.TrueAsync(
            () => env.Slack.Calls.Any(c => Texts(c.Body).Contains("All set: the practice is ready", StringComparison.Ordinal)),
            "the guide to say setup is done");
        Assert.Contains(env.Slack.CallsTo("chat.postMessage"), c => c.Get("channel") == SlackTestData.ChannelId && Texts(c.Body).Contains("is set up", StringComparison.Ordinal));
        // And the practice works: a command in the channel answers for it.
        Assert.Contains("Sunrise Family Medicine", await AskAsync(env, "/practice", "settings name"), StringComparison.Ordinal);
    }

    private async Task<string> AskAsync(SlackEnvironment env, string command, string text, string user = SlackTestData.ManagerId, string? channel = null)
    {
        var id = $"ask{Interlocked.Increment(ref _answers)}";
        var body = SlackPayloads.SlashCommand(command, text, user, env.Slack.ResponseUrl(id));
        if (channel is not null)
        {
            body = body.Replace($"channel_id={SlackTestData.ChannelId}", $"channel_id={channel}", StringComparison.Ordinal);
        }

        using var response = await env.Host.PostSignedAsync(body, "application/x-www-form-urlencoded");
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadAsStringAsync();
        if (answer.Length > 0)
        {
            return Texts(JsonNode.Parse(answer)) + answer;
        }

        // A cold host may answer through response_url instead.
        await Eventually.TrueAsync(() => env.Slack.CallsTo($"response_url:{id}").Count > 0, $"the answer to {command} {text}");
        return string.Join("\n", env.Slack.CallsTo($"response_url:{id}").Select(c => Texts(c.Body) + c.Json));
    }

    private static Task<Practice> PracticeAsync(SlackEnvironment env) => env.Host.WithDbAsync(db => db.Practices.AsNoTracking().SingleAsync());

    private static string Snapshot(Practice practice) =>
        $"{practice.Name}|{practice.TimeZone}|{practice.Channel}|{JsonSerializer.Serialize(practice.Settings)}";

    private static async Task PressAsync(SlackEnvironment env, string actionId, string value, string channel)
    {
        var payload = JsonNode.Parse(SlackPayloads.BlockAction(actionId, value, "1700000000.000300", env.Slack.ResponseUrl("press")))!;
        payload["channel"]!["id"] = channel;
        payload["container"]!["channel_id"] = channel;
        using var response = await env.Host.InteractionAsync(payload.ToJsonString());
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Presses a button that answers with a form; returns the modal's private_metadata.</summary>
    private static async Task<string> PressForModalAsync(SlackEnvironment env, string actionId, string value, string channel)
    {
        var opened = env.Slack.CallsTo("views.open").Count;
        await PressAsync(env, actionId, value, channel);
        await Eventually.TrueAsync(() => env.Slack.CallsTo("views.open").Count > opened, $"the modal of {actionId}");
        var view = env.Slack.CallsTo("views.open")[opened].Body["view"]!;
        Assert.Equal("modal", (string?)view["type"]);
        return (string)view["private_metadata"]!;
    }

    private static async Task SubmitAsync(SlackEnvironment env, string metadata, params (string Input, string Value)[] inputs)
    {
        var values = new JsonObject();
        foreach (var (input, value) in inputs)
        {
            values[input] = new JsonObject { [input] = new JsonObject { ["type"] = "plain_text_input", ["value"] = value } };
        }

        var payload = JsonNode.Parse(SlackPayloads.ViewSubmission(metadata, "unused", ""))!;
        payload["view"]!["state"]!["values"] = values;
        using var response = await env.Host.InteractionAsync(payload.ToJsonString());
        response.EnsureSuccessStatusCode();
    }

    private static string Button(JsonObject message, string actionId) =>
        message["blocks"]!.AsArray().Where(b => (string?)b!["type"] == "actions").SelectMany(b => b!["elements"]!.AsArray())
            .Where(e => (string?)e!["action_id"] == actionId).Select(e => (string)e!["value"]!).Single();

    /// <summary>Every string in a JSON document, joined: the text a person would read, whatever block it is in.</summary>
    private static string Texts(JsonNode? node) => node switch
    {
        JsonObject o => string.Join("\n", o.Select(p => Texts(p.Value))),
        JsonArray a => string.Join("\n", a.Select(Texts)),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => "",
    };
}
