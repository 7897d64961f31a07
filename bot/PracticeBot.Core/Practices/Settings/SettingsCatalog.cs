namespace PracticeBot.Core.Practices.Settings;

/// <summary>
/// Every per-practice setting, in the settings card's order: <c>practice settings</c> shows them, <c>practice set</c>
/// changes them, help and <c>docs/settings.md</c> list them, all from these definitions. A property of
/// <see cref="PracticeSettings"/> is either stored by one setting here or named in <see cref="NotSettings"/> (a test
/// checks), so a new one cannot be left out of the command and the card.
/// </summary>
public static class SettingsCatalog
{
    /// <summary>The audit action of a changed setting.</summary>
    public const string ChangedAction = "practice.settings.changed";

    public static readonly PracticeSetting PostIdeas = new(
        "ideas", "Posting", "Own post ideas", "The practice's own post ideas, suggested with the built-in ones before each posting slot.",
        "<idea>", "posting ideas add Meet our new nurse practitioner",
        p => p.Settings.PostIdeas.Count == 0 ? "none yet" : $"{p.Settings.PostIdeas.Count}",
        null,
        [nameof(PracticeSettings.PostIdeas)])
    {
        ChangedBy = "posting ideas add <idea>",
    };

    public static readonly IReadOnlyList<PracticeSetting> All =
    [
        PracticeIdentitySettings.Name,
        PracticeIdentitySettings.TimeZone,
        PracticeIdentitySettings.Channel,
        PracticeIdentitySettings.CheckIn,
        ReviewSettings.Targets,
        ReviewSettings.Approval,
        ReviewSettings.Hold,
        AlertSettings.Alerts,
        AlertSettings.Quiet,
        AlertSettings.Stall,
        ReplySettings.Template,
        ReplySettings.Tone,
        ReplySettings.Contact,
        ReplySettings.Phrases,
        PostIdeas,
    ];

    /// <summary>
    /// Properties of <see cref="PracticeSettings"/> that are the bot's own state, not settings a person chooses, and why.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> NotSettings = new Dictionary<string, string>
    {
        [nameof(PracticeSettings.LastPostIdea)] = "which idea was suggested last, so the next one differs",
        [nameof(PracticeSettings.PostingPausedUntil)] = "set by the Pause button of a check-in nudge; the check-in resumes the plan",
        [nameof(PracticeSettings.ProtectedWebhookSecret)] = "a secret the bot makes; `practice settings` shows it to managers privately",
    };

    /// <summary>The settings <c>practice set</c> changes, by name: the choices of its first argument.</summary>
    public static readonly IReadOnlyList<string> Keys = [.. All.Where(s => s.Change is not null).Select(s => s.Key)];

    /// <summary>Every setting's name, the ones other commands change too: the choices of <c>practice settings</c>.</summary>
    public static readonly IReadOnlyList<string> AllKeys = [.. All.Select(s => s.Key)];

    /// <summary>The setting called <paramref name="key"/>, or null.</summary>
    public static PracticeSetting? Find(string? key) =>
        All.FirstOrDefault(s => string.Equals(s.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The roles an urgent-review alert goes to, as the practice chose (<c>practice set alerts</c>).</summary>
    public static Role UrgentAlertRoles(PracticeSettings settings) => AlertSettings.AlertRoles(settings);

    /// <summary>The groups of the card, in order, each with its settings.</summary>
    public static IEnumerable<IGrouping<string, PracticeSetting>> Groups => All.GroupBy(s => s.Group);
}
