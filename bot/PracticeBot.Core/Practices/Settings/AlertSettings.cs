namespace PracticeBot.Core.Practices.Settings;

/// <summary>Who is told, and when: urgent-review alerts, quiet hours, and the check-in's stall rules.</summary>
internal static class AlertSettings
{
    public const string Group = "Alerts and nudges";
    public const string Responders = "responders";
    public const string Managers = "managers";
    public const string Both = "both";

    public static readonly IReadOnlyList<string> Who = [Responders, Managers, Both];
    public static readonly IReadOnlyList<string> How = ["dm", "mention", "off"];

    public static readonly PracticeSetting Alerts = new(
        "alerts", Group, "Urgent-review alerts",
        "Who hears of an urgent review as it arrives (responders, managers or both), and how: a direct message (`dm`), a mention on the card (`mention`), or not at all (`off`).",
        "responders|managers|both dm|mention|off", "responders dm",
        p => p.Settings.UrgentAlerts == "off" ? "off" : $"{WhoOf(p.Settings)}, by {(p.Settings.UrgentAlerts == "mention" ? "a mention on the card" : "direct message")}",
        ChangeAlerts,
        [nameof(PracticeSettings.UrgentAlerts), nameof(PracticeSettings.UrgentAlertsTo)]);

    public static readonly PracticeSetting Quiet = new(
        "quiet", Group, "Quiet hours",
        "Hours, local time, when non-urgent review cards and reminders wait until morning. Urgent ones still come.",
        "<HH:mm>-<HH:mm>|off", "19:00-07:00",
        p => p.Settings is { QuietHoursStart: { } start, QuietHoursEnd: { } end } ? $"{start:HH\\:mm}–{end:HH\\:mm}" : "none",
        ChangeQuiet,
        [nameof(PracticeSettings.QuietHoursStart), nameof(PracticeSettings.QuietHoursEnd)]);

    public static readonly PracticeSetting Stall = new(
        "stall", Group, "Stall rules",
        "When the weekly check-in calls something stalled: `posting` no post for so long, `reviews` a claimed review untouched, " +
        "`sources` a review source not synced, `below-plan` weeks under the plan in a row, `volunteers` fewer active volunteers than this.",
        "[posting <n>d] [reviews <n>d] [sources <n>d] [below-plan <n>w] [volunteers <n>]", "posting 14d reviews 7d",
        p => $"no post for {SettingValues.Days(p.Settings.StallNoPostDays)}; a claimed review untouched for {SettingValues.Days(p.Settings.StallClaimedUntouchedDays)}; " +
             $"a source unsynced for {SettingValues.Days(p.Settings.StallSourceUnsyncedDays)}; below plan {SettingValues.Weeks(p.Settings.StallBelowPlanWeeks)} running; " +
             $"fewer than {p.Settings.StallMinActiveVolunteers} active volunteers",
        ChangeStall,
        [
            nameof(PracticeSettings.StallNoPostDays), nameof(PracticeSettings.StallClaimedUntouchedDays), nameof(PracticeSettings.StallSourceUnsyncedDays),
            nameof(PracticeSettings.StallBelowPlanWeeks), nameof(PracticeSettings.StallMinActiveVolunteers),
        ]);

    /// <summary>The roles an urgent alert goes to.</summary>
    public static Role AlertRoles(PracticeSettings settings) => settings.UrgentAlertsTo switch
    {
        Managers => Role.Manager,
        Both => Role.Responder | Role.Manager,
        _ => Role.Responder,
    };

    private static string WhoOf(PracticeSettings settings) => settings.UrgentAlertsTo switch
    {
        Managers => "managers",
        Both => "responders and managers",
        _ => "responders",
    };

    private static SettingOutcome ChangeAlerts(SettingChange change)
    {
        var settings = change.Practice.Settings;
        string? who = null;
        string? how = null;
        foreach (var word in SettingValues.Words(change.Value))
        {
            if (Who.Contains(word) && who is null)
            {
                who = word;
            }
            else if (How.Contains(word) && how is null)
            {
                how = word;
            }
            else
            {
                return SettingOutcome.Refuse($"`{SettingValues.Typed(word)}` isn't who or how: say who (responders, managers, both) and how (dm, mention, off).");
            }
        }

        if (who is null && how is null)
        {
            return SettingOutcome.Refuse("Say who hears of urgent reviews (responders, managers, both) and how (dm, mention, off).");
        }

        settings.UrgentAlertsTo = who ?? settings.UrgentAlertsTo;
        settings.UrgentAlerts = how ?? (settings.UrgentAlerts == "off" ? "dm" : settings.UrgentAlerts);
        change.Practice.Settings = settings;
        return SettingOutcome.Done(
            settings.UrgentAlerts == "off"
                ? "Urgent reviews no longer alert anyone as they arrive; their cards still come to the channel, and reminders still follow."
                : $"Urgent reviews now alert {WhoOf(settings)} by {(settings.UrgentAlerts == "mention" ? "a mention on the card" : "direct message")}.",
            $"{settings.UrgentAlertsTo} {settings.UrgentAlerts}");
    }

    private static SettingOutcome ChangeQuiet(SettingChange change)
    {
        var value = change.Value.Trim().ToLowerInvariant();
        var settings = change.Practice.Settings;
        if (value is "off" or "none")
        {
            settings.QuietHoursStart = null;
            settings.QuietHoursEnd = null;
            change.Practice.Settings = settings;
            return SettingOutcome.Done("No more quiet hours: review cards and reminders come when they are due.", "off");
        }

        var parts = value.Replace(" to ", "-", StringComparison.Ordinal).Replace('–', '-').Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !SettingValues.TryTime(parts[0], out var start) || !SettingValues.TryTime(parts[1], out var end) || start == end)
        {
            return SettingOutcome.Refuse("Give the start and end of quiet hours in local time, like `19:00-07:00`, or `off`.");
        }

        settings.QuietHoursStart = start;
        settings.QuietHoursEnd = end;
        change.Practice.Settings = settings;
        return SettingOutcome.Done(
            $"Quiet hours are now {start:HH\\:mm}–{end:HH\\:mm} ({change.Practice.TimeZone}): non-urgent review cards and reminders wait until they end.",
            $"{start:HH\\:mm}-{end:HH\\:mm}");
    }

    private static SettingOutcome ChangeStall(SettingChange change)
    {
        var words = SettingValues.Words(change.Value);
        if (words.Count == 0 || words.Count % 2 != 0)
        {
            return SettingOutcome.Refuse("Give each rule's name and its limit: `posting 14d`, `reviews 7d`, `sources 2d`, `below-plan 2w`, `volunteers 1`.");
        }

        var settings = change.Practice.Settings;
        var said = new List<string>();
        for (var i = 0; i < words.Count; i += 2)
        {
            var (rule, limit) = (words[i], words[i + 1]);
            if (rule == "volunteers")
            {
                if (!SettingValues.TryCount(limit, 0, 50, out var volunteers))
                {
                    return SettingOutcome.Refuse($"`volunteers` takes a number from 0 to 50, not `{SettingValues.Typed(limit)}`.");
                }

                settings.StallMinActiveVolunteers = volunteers;
                said.Add($"fewer than {volunteers} active volunteers");
                continue;
            }

            if (!SettingValues.TryDuration(limit, out var span, bareUnit: rule == "below-plan" ? 'w' : 'd') || span.TotalDays < 1 || span.TotalDays > 365 || span.TotalDays % 1 != 0)
            {
                return SettingOutcome.Refuse($"`{SettingValues.Typed(limit)}` isn't a limit for `{SettingValues.Typed(rule)}`: give days (`14d`) or weeks (`2w`), from 1 day to a year.");
            }

            var days = (int)span.TotalDays;
            switch (rule)
            {
                case "posting":
                    settings.StallNoPostDays = days;
                    said.Add($"no post for {SettingValues.Days(days)}");
                    break;
                case "reviews":
                    settings.StallClaimedUntouchedDays = days;
                    said.Add($"a claimed review untouched for {SettingValues.Days(days)}");
                    break;
                case "sources":
                    settings.StallSourceUnsyncedDays = days;
                    said.Add($"a source unsynced for {SettingValues.Days(days)}");
                    break;
                case "below-plan" when days % 7 == 0:
                    settings.StallBelowPlanWeeks = days / 7;
                    said.Add($"below plan {SettingValues.Weeks(days / 7)} running");
                    break;
                case "below-plan":
                    return SettingOutcome.Refuse("`below-plan` counts whole weeks: `below-plan 2w`.");
                default:
                    return SettingOutcome.Refuse($"`{SettingValues.Typed(rule)}` isn't a stall rule. The rules: posting, reviews, sources, below-plan, volunteers.");
            }
        }

        change.Practice.Settings = settings;
        return SettingOutcome.Done($"The weekly check-in now calls these stalled: {string.Join("; ", said)}.", string.Join(" ", words));
    }
}
