using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Practices.Settings;

namespace PracticeBot.Core.Tests.Practices;

/// <summary>One definition per setting: every stored knob is in it, and each one reads, checks and refuses on its own terms.</summary>
public sealed class SettingsCatalogTests
{
    /// <summary>A value each setting must refuse: a setting added without one fails <see cref="EachSetting_BadValue_IsRefusedAndChangesNothing"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string> BadValues = new Dictionary<string, string>
    {
        ["name"] = new('x', 201),
        ["timezone"] = "Mars/Olympus_Mons",
        ["channel"] = "there",
        ["checkin"] = "someday 25:00",
        ["targets"] = "soon",
        ["approval"] = "sometimes",
        ["hold"] = "forever",
        ["alerts"] = "everyone loudly",
        ["quiet"] = "19:00",
        ["stall"] = "posting never",
        ["template"] = "grumpy Hello",
        ["tone"] = "grumpy",
        ["contact"] = new('x', 301),
        ["phrases"] = "Bad_Category! x",
    };

    [Fact]
    public void PracticeSettings_EveryProperty_IsStoredByOneSettingOrNamedAsState()
    {
        var stored = SettingsCatalog.All.SelectMany(s => s.Stores).ToList();
        var properties = typeof(PracticeSettings).GetProperties().Select(p => p.Name).ToList();

        var missing = properties.Where(p => !stored.Contains(p) && !SettingsCatalog.NotSettings.ContainsKey(p)).ToList();
        Assert.True(missing.Count == 0, $"PracticeSettings properties in no setting of SettingsCatalog (nor in NotSettings): {string.Join(", ", missing)}");
        Assert.Equal(stored.Count, stored.Distinct().Count());
        Assert.Empty(stored.Intersect(SettingsCatalog.NotSettings.Keys));
        Assert.Empty(stored.Concat(SettingsCatalog.NotSettings.Keys).Except(properties));
    }

    [Fact]
    public void SetCommand_Choices_AreTheSettingsItChanges()
    {
        Assert.Equal(SettingsCatalog.All.Where(s => s.Change is not null).Select(s => s.Key), PracticeCommands.Set.Params[0].Choices!);
        Assert.Equal(
            ["name", "timezone", "channel", "checkin", "targets", "approval", "hold", "alerts", "quiet", "stall", "template", "tone", "contact", "phrases"],
            PracticeCommands.Set.Params[0].Choices!);
        Assert.Equal(SettingsCatalog.AllKeys, PracticeCommands.Settings.Params[0].Choices!);
        Assert.True(PracticeCommands.Set.Mutates);
        Assert.False(PracticeCommands.Settings.Mutates);
    }

    [Fact]
    public void EachSetting_HasAUniqueKeyHelpUsageAndExample()
    {
        Assert.Equal(SettingsCatalog.All.Count, SettingsCatalog.AllKeys.Distinct().Count());
        Assert.All(SettingsCatalog.All, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Help));
            Assert.False(string.IsNullOrWhiteSpace(s.Usage));
            Assert.False(string.IsNullOrWhiteSpace(s.Example));
            Assert.True(s.Change is not null || s.ChangedBy is not null, $"{s.Key} can be changed by nothing");
        });
    }

    [Fact]
    public void EachSetting_ItsExample_IsAcceptedAndShownOnTheCard()
    {
        foreach (var setting in SettingsCatalog.All.Where(s => s.Change is not null))
        {
            var practice = NewPractice();
            var outcome = setting.Change!(new SettingChange(practice, setting.Example, Turn()));

            Assert.False(outcome.Refused, $"{setting.Key} refused its own example `{setting.Example}`: {outcome.Problem}");
            Assert.False(string.IsNullOrWhiteSpace(outcome.AuditDetail));
        }
    }

    [Fact]
    public void EachSetting_BadValue_IsRefusedAndChangesNothing()
    {
        Assert.Equal(SettingsCatalog.Keys.Order(), BadValues.Keys.Order());
        foreach (var (key, bad) in BadValues)
        {
            var practice = NewPractice();
            var before = (practice.Name, practice.TimeZone, practice.Channel, JsonSerializer.Serialize(practice.Settings));

            var outcome = SettingsCatalog.Find(key)!.Change!(new SettingChange(practice, bad, Turn()));

            Assert.True(outcome.Refused, $"{key} accepted `{bad}`");
            Assert.Equal(before, (practice.Name, practice.TimeZone, practice.Channel, JsonSerializer.Serialize(practice.Settings)));
        }
    }

    [Theory]
    [InlineData("targets", "48h negative 12h", 48, 12)]
    [InlineData("targets", "3d", 72, 24)]
    [InlineData("targets", "negative 6h", 72, 6)]
    public void Targets_Values_AreReadInHoursAndDays(string key, string value, int all, int negative)
    {
        var practice = NewPractice();

        SettingsCatalog.Find(key)!.Change!(new SettingChange(practice, value, Turn()));

        Assert.Equal((all, negative), (practice.Settings.ResponseTargetHours, practice.Settings.UrgentResponseTargetHours));
    }

    [Fact]
    public void Targets_NegativeLongerThanAll_IsRefused()
    {
        var outcome = SettingsCatalog.Find("targets")!.Change!(new SettingChange(NewPractice(), "24h negative 48h", Turn()));

        Assert.Contains("can't wait longer", outcome.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void StallQuietHoldAlerts_Values_AreStored()
    {
        var practice = NewPractice();
        var turn = Turn();

        SettingsCatalog.Find("stall")!.Change!(new SettingChange(practice, "posting 21d reviews 7d sources 3d below-plan 3w volunteers 2", turn));
        SettingsCatalog.Find("quiet")!.Change!(new SettingChange(practice, "19:00-07:00", turn));
        SettingsCatalog.Find("hold")!.Change!(new SettingChange(practice, "1h", turn));
        SettingsCatalog.Find("alerts")!.Change!(new SettingChange(practice, "both mention", turn));

        var s = practice.Settings;
        Assert.Equal((21, 7, 3, 3, 2), (s.StallNoPostDays, s.StallClaimedUntouchedDays, s.StallSourceUnsyncedDays, s.StallBelowPlanWeeks, s.StallMinActiveVolunteers));
        Assert.Equal((new TimeOnly(19, 0), new TimeOnly(7, 0)), (s.QuietHoursStart!.Value, s.QuietHoursEnd!.Value));
        Assert.Equal(60, s.PublishHoldMinutes);
        Assert.Equal(("both", "mention"), (s.UrgentAlertsTo, s.UrgentAlerts));
        Assert.Equal(Role.Responder | Role.Manager, SettingsCatalog.UrgentAlertRoles(s));
    }

    private static Practice NewPractice() => new() { Name = "Sunrise", Slug = "sunrise", TimeZone = "America/Chicago" };

    private static TurnContext Turn() => new(
        new CommandReceived(new ConversationReference(Platforms.Slack, "T1", "C1"), new ChatUser("U1"), "practice", "set"),
        new ServiceCollection().BuildServiceProvider(),
        "test",
        DateTimeOffset.UnixEpoch);
}
