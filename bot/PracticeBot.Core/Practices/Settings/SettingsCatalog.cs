using System.Globalization;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Privacy;
using PracticeBot.Core.Scheduling;

namespace PracticeBot.Core.Practices.Settings;

/// <summary>What changing a setting works on: the practice, the value typed, the turn to answer in.</summary>
public sealed record SettingChange(Practice Practice, string Value, TurnContext Turn, IEnumerable<IPracticeSchedules> Schedules);

/// <summary>
/// One setting of <c>practice settings</c>: its key, how the card shows it and, when managers may change it, the phrase
/// help uses and how a typed value is read, checked and saved (answering in the turn either way).
/// </summary>
/// <param name="Key">The word after <c>practice settings</c> (<c>tone</c>).</param>
/// <param name="Label">The card field; null when the card shows it elsewhere (the name is the card's title).</param>
/// <param name="Format">The value as the card shows it.</param>
/// <param name="Help">What help says managers can change (<c>how suggested replies sound (`tone warm|formal|brief`)</c>); null when they can't.</param>
/// <param name="Change">Reads, validates and saves a typed value; null for a setting that is only shown.</param>
public sealed record PracticeSetting(
    string Key,
    string? Label,
    Func<Practice, string>? Format,
    string? Help,
    Action<SettingChange>? Change)
{
    public bool Changeable => Change is not null;
}

/// <summary>
/// The settings <c>practice settings</c> shows, in the card's order, and the ones managers change with
/// <c>practice settings &lt;key&gt; &lt;value&gt;</c>. The command's argument choices, its help and the card all read this list.
/// </summary>
public static class SettingsCatalog
{
    private const int MaxContactLineLength = 300;
    private const int MaxNameLength = 200;
    private const string Changed = "practice.settings.changed";

    public static readonly IReadOnlyList<PracticeSetting> All =
    [
        new("name", null, null, "the name", ChangeName),
        new("id", "Id (for the review webhook)", p => p.Slug, null, null),
        new("timezone", "Time zone", p => p.TimeZone, "time zone", ChangeTimeZone),
        new("channel", "Channel for cards", p => p.Channel is { } c ? $"{c.Platform} {c.ChannelId}" : "not set",
            "the channel for cards (`channel here`)", ChangeChannel),
        new("checkin", "Weekly check-in", p => $"{p.Settings.CheckInDay} {p.Settings.CheckInTime:HH\\:mm}",
            "the weekly check-in (`checkin monday 09:00`)", ChangeCheckIn),
        new("response", "Response target",
            p => $"{p.Settings.ResponseTargetHours} h (negative reviews {p.Settings.UrgentResponseTargetHours} h)", null, null),
        new("approval", "Replies needing approval",
            p => p.Settings.ApproveEveryReply ? "every reply" : $"reviews of {p.Settings.ApprovalAtOrBelowStars} stars or fewer, and every negative one",
            "which replies need approval (`approval 3` or `approval all`)", ChangeApproval),
        new("hold", "Publishing hold", p => $"{p.Settings.PublishHoldMinutes} min", null, null),
        new("template", "Own reply templates",
            p => p.Settings.ReplyTemplates.Count == 0 ? "none (built-in ones are used)" : string.Join(", ", p.Settings.ReplyTemplates.Keys.Order()),
            "a reply template (`template wait-time <text>`)", ChangeTemplate),
        new("tone", "Tone of suggested replies", p => ReplyTones.Normalize(p.Settings.ReplyTone),
            $"how suggested replies sound (`tone {string.Join("|", ReplyTones.All)}`)", ChangeTone),
        new("contact", "Contact line",
            p => ReplyTemplates.ContactLineOf(p.Settings) + (string.IsNullOrWhiteSpace(p.Settings.ContactLine) ? " (default)" : ""),
            "the line that invites the reviewer to call (`contact <text>`)", ChangeContactLine),
    ];

    /// <summary>The keys managers can change, in order: the choices of <c>practice settings</c>' first argument.</summary>
    public static readonly IReadOnlyList<string> ChangeableKeys = [.. All.Where(s => s.Changeable).Select(s => s.Key)];

    /// <summary>The command's usage after its words: <c>[name|timezone|…|contact &lt;value&gt;]</c>.</summary>
    public static string Usage => $"[{string.Join("|", ChangeableKeys)} <value>]";

    /// <summary>The command's help: showing, and each change managers can make.</summary>
    public static string Summary
    {
        get
        {
            var phrases = All.Where(s => s.Changeable && s.Help is not null).Select(s => s.Help!).ToList();
            var list = phrases.Count < 2 ? string.Concat(phrases) : $"{string.Join(", ", phrases[..^1])}, or {phrases[^1]}";
            return $"Show the settings; managers change {list}.";
        }
    }

    /// <summary>The setting managers change with <paramref name="key"/>, or null.</summary>
    public static PracticeSetting? Changeable(string key) =>
        All.FirstOrDefault(s => s.Changeable && string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>The command words, for examples in answers (<c>practice settings</c>).</summary>
    private static string Words => PracticeCommands.Settings.Words;

    private static void ChangeName(SettingChange change)
    {
        var (practice, value, turn, _) = change;
        var name = value.Trim().Trim('"', '\u201C', '\u201D');
        if (name.Length is 0 or > MaxNameLength)
        {
            turn.Reply($"A practice name needs 1 to {MaxNameLength} characters.");
            return;
        }

        practice.Name = name;
        turn.Audit(Changed, $"practice:{practice.Slug}", "name");
        turn.Reply($"The practice is now called *{name}*. Its id stays `{practice.Slug}` so webhooks keep working.");
    }

    private static void ChangeTimeZone(SettingChange change)
    {
        var (practice, value, turn, schedules) = change;
        if (!TimeZones.TryNormalize(value.Trim(), out var zone))
        {
            turn.Reply($"`{value.Trim()}` isn't a time zone I know. Use an IANA id such as `America/Chicago` or `Europe/London`.");
            return;
        }

        practice.TimeZone = zone;
        turn.Audit(Changed, $"practice:{practice.Slug}", $"timezone={zone}");
        // Weekly and daily triggers fire at local times: they move with the zone.
        turn.AfterCommit(ct => schedules.SyncAllAsync(practice, ct));
        turn.Reply($"Time zone is now {zone}.");
    }

    private static void ChangeChannel(SettingChange change)
    {
        var (practice, value, turn, _) = change;
        if (!string.Equals(value.Trim(), "here", StringComparison.OrdinalIgnoreCase) || turn.Chat is null)
        {
            turn.Reply($"Run `{Words} channel here` in the channel where review cards and the weekly check-in should go.");
            return;
        }

        practice.Channel = turn.Chat.Conversation.WithoutThread();
        turn.Audit(Changed, $"practice:{practice.Slug}", $"channel={practice.Channel.Platform}/{practice.Channel.ChannelId}");
        turn.ReplyInChannel(OutboundMessage.Plain($"Review cards and the weekly check-in for *{practice.Name}* will come to this channel from now on."));
    }

    private static void ChangeCheckIn(SettingChange change)
    {
        var (practice, value, turn, schedules) = change;
        if (!TryReadDayAndTime(value.Trim(), out var day, out var at))
        {
            turn.Reply($"Say the day and the local time of the weekly check-in: `{Words} checkin monday 09:00`.");
            return;
        }

        var updated = practice.Settings;
        updated.CheckInDay = day;
        updated.CheckInTime = at;
        practice.Settings = updated;
        turn.Audit(Changed, $"practice:{practice.Slug}", $"checkin={day} {at:HH\\:mm}");
        turn.AfterCommit(ct => schedules.SyncAllAsync(practice, ct));
        turn.Reply($"The weekly check-in is now on {day}s at {at:HH\\:mm} ({practice.TimeZone}).");
    }

    private static void ChangeApproval(SettingChange change)
    {
        var (practice, raw, turn, _) = change;
        var value = raw.Trim();
        var settings = practice.Settings;
        if (string.Equals(value, "all", StringComparison.OrdinalIgnoreCase))
        {
            settings.ApproveEveryReply = true;
        }
        else if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var stars) && stars is >= 0 and <= 5)
        {
            settings.ApproveEveryReply = false;
            settings.ApprovalAtOrBelowStars = stars;
        }
        else
        {
            turn.Reply($"Say which replies need a manager's approval: `{Words} approval 3` (reviews of 3 stars or fewer) or `{Words} approval all`.");
            return;
        }

        // Reassign so the JSON column is saved as changed.
        practice.Settings = settings;
        turn.Audit(Changed, $"practice:{practice.Slug}", $"approval={value.ToLowerInvariant()}");
        turn.Reply(settings.ApproveEveryReply
            ? "Every reply now needs a manager's approval."
            : $"Replies to reviews of {settings.ApprovalAtOrBelowStars} stars or fewer need a manager's approval. Replies to negative reviews always do.");
    }

    private static void ChangeTemplate(SettingChange change)
    {
        var (practice, raw, turn, _) = change;
        var value = raw.Trim();
        var split = value.IndexOfAny([' ', '\n', '\t']);
        var key = (split < 0 ? value : value[..split]).ToLowerInvariant();
        var text = split < 0 ? "" : value[(split + 1)..].Trim();
        if (!ReplyTemplates.Keys.Contains(key))
        {
            turn.Reply($"Templates are kept by: {string.Join(", ", ReplyTemplates.Keys)}. For example `{Words} template wait-time Thank you for …`.");
            return;
        }

        var settings = practice.Settings;
        if (text.Length == 0 || string.Equals(text, "reset", StringComparison.OrdinalIgnoreCase))
        {
            settings.ReplyTemplates.Remove(key);
            practice.Settings = settings;
            turn.Audit(Changed, $"practice:{practice.Slug}", $"template {key} reset");
            turn.Reply($"The `{key}` template is the built-in one again.");
            return;
        }

        var privacy = PrivacyCheck.Check(text, practiceName: practice.Name);
        if (privacy.IsHighRisk)
        {
            turn.Reply($"That template would put patient information in every reply, so it was not saved.\n{privacy.Explain()}");
            return;
        }

        if (text.Length > DraftReply.MaxLength)
        {
            turn.Reply($"A template can have at most {DraftReply.MaxLength} characters.");
            return;
        }

        settings.ReplyTemplates[key] = text;
        practice.Settings = settings;
        turn.Audit(Changed, $"practice:{practice.Slug}", $"template {key}");
        turn.Reply($"Saved the `{key}` template. {(privacy.IsClean ? "" : privacy.Explain())}".TrimEnd());
    }

    private static void ChangeTone(SettingChange change)
    {
        var (practice, raw, turn, _) = change;
        var tone = ReplyTones.All.FirstOrDefault(t => string.Equals(t, raw.Trim(), StringComparison.OrdinalIgnoreCase));
        if (tone is null)
        {
            turn.Reply($"Suggested replies can sound {string.Join(", ", ReplyTones.All)}: `{Words} tone formal`.");
            return;
        }

        var settings = practice.Settings;
        settings.ReplyTone = tone;
        practice.Settings = settings;
        turn.Audit(Changed, $"practice:{practice.Slug}", $"tone={tone}");
        turn.Reply($"Suggested replies now sound {tone}.");
    }

    /// <summary>The contact line goes into every suggested reply, so it passes the privacy check like a template.</summary>
    private static void ChangeContactLine(SettingChange change)
    {
        var (practice, raw, turn, _) = change;
        var settings = practice.Settings;
        var text = raw.Trim().Trim('"', '\u201C', '\u201D').Trim();
        if (string.Equals(text, "reset", StringComparison.OrdinalIgnoreCase))
        {
            settings.ContactLine = null;
            practice.Settings = settings;
            turn.Audit(Changed, $"practice:{practice.Slug}", "contact reset");
            turn.Reply($"Suggested replies end with the default line again: “{ReplyTemplates.DefaultContactLine}”");
            return;
        }

        if (text.Length is 0 or > MaxContactLineLength)
        {
            turn.Reply($"A contact line needs 1 to {MaxContactLineLength} characters, e.g. `{Words} contact Please call our office at 555-010-0199.`");
            return;
        }

        var privacy = PrivacyCheck.Check(text, practiceName: practice.Name);
        if (privacy.IsHighRisk)
        {
            turn.Reply($"That line would put patient information in every suggested reply, so it was not saved.\n{privacy.Explain()}");
            return;
        }

        settings.ContactLine = text;
        practice.Settings = settings;
        turn.Audit(Changed, $"practice:{practice.Slug}", "contact");
        turn.Reply($"Suggested replies now end with: “{text}”");
    }

    private static bool TryReadDayAndTime(string value, out DayOfWeek day, out TimeOnly at)
    {
        day = default;
        at = default;
        var words = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != 2)
        {
            return false;
        }

        var match = Enum.GetValues<DayOfWeek>().Where(d =>
            d.ToString().Equals(words[0], StringComparison.OrdinalIgnoreCase) ||
            (words[0].Length >= 3 && d.ToString().StartsWith(words[0], StringComparison.OrdinalIgnoreCase))).ToList();
        if (match.Count != 1)
        {
            return false;
        }

        day = match[0];
        return TimeOnly.TryParseExact(words[1], ["H:mm", "HH:mm", "h:mmtt", "htt"], CultureInfo.InvariantCulture, DateTimeStyles.None, out at);
    }
}
