using PracticeBot.Core.Conversation.Commands;

namespace PracticeBot.Core.Practices.Settings;

/// <summary>The practice itself: its name, time zone, channel for cards and the weekly check-in.</summary>
internal static class PracticeIdentitySettings
{
    public const string Group = "Practice";
    public const int MaxNameLength = 200;

    public static readonly PracticeSetting Name = new(
        "name", Group, "Name", "The practice's name, as cards and the check-in show it. Its id (for webhooks) stays.",
        "<practice name>", "Sunrise Family Medicine", p => p.Name, ChangeName, []);

    public static readonly PracticeSetting TimeZone = new(
        "timezone", Group, "Time zone", "The practice's IANA time zone: the check-in, quiet hours and posting days are in it.",
        "<IANA zone>", "America/Chicago", p => p.TimeZone, ChangeTimeZone, []);

    public static readonly PracticeSetting Channel = new(
        "channel", Group, "Channel for cards", "Where review cards, alerts and the weekly check-in go: typed in that channel.",
        "here", "here", p => p.Channel is { } c ? $"{c.Platform} {c.ChannelId}" : "not set", ChangeChannel, []);

    public static readonly PracticeSetting CheckIn = new(
        "checkin", Group, "Weekly check-in", "The day and local time of the weekly check-in.",
        "<day> <HH:mm>", "monday 09:00", p => $"{p.Settings.CheckInDay}s at {p.Settings.CheckInTime:HH\\:mm}", ChangeCheckIn,
        [nameof(PracticeSettings.CheckInDay), nameof(PracticeSettings.CheckInTime)]);

    private static SettingOutcome ChangeName(SettingChange change)
    {
        var name = change.Value.Trim().Trim('"', '\u201C', '\u201D').Trim();
        if (name.Length is 0 or > MaxNameLength)
        {
            return SettingOutcome.Refuse($"A practice name needs 1 to {MaxNameLength} characters.");
        }

        change.Practice.Name = name;
        return SettingOutcome.Done(
            $"The practice is now called *{Conversation.Messages.OutsideText.Mark(name)}*. Its id stays `{change.Practice.Slug}` so webhooks keep working.",
            "name");
    }

    private static SettingOutcome ChangeTimeZone(SettingChange change)
    {
        var typed = change.Value.Trim();
        if (!TimeZones.TryNormalize(typed, out var zone))
        {
            return SettingOutcome.Refuse($"`{SettingValues.Typed(typed)}` isn't a time zone I know. Use an IANA id such as `America/Chicago` or `Europe/London`.");
        }

        change.Practice.TimeZone = zone;
        return SettingOutcome.Done($"The time zone is now {zone}.", zone, movesSchedules: true);
    }

    private static SettingOutcome ChangeChannel(SettingChange change)
    {
        if (!string.Equals(change.Value.Trim(), "here", StringComparison.OrdinalIgnoreCase) || change.Turn.Chat is null)
        {
            return SettingOutcome.Refuse("Run it in the channel where review cards and the weekly check-in should go, with the word `here`.");
        }

        var practice = change.Practice;
        practice.Channel = change.Turn.Chat.Conversation.WithoutThread();
        return SettingOutcome.Done(
            $"Review cards and the weekly check-in for *{Conversation.Messages.OutsideText.Mark(practice.Name)}* will come to this channel from now on.",
            $"{practice.Channel.Platform}/{practice.Channel.ChannelId}");
    }

    private static SettingOutcome ChangeCheckIn(SettingChange change)
    {
        var words = SettingValues.Words(change.Value);
        if (words.Count != 2 || !SettingValues.TryDay(words[0], out var day) || !SettingValues.TryTime(words[1], out var at))
        {
            return SettingOutcome.Refuse("Say the day and the local time of the weekly check-in.");
        }

        var settings = change.Practice.Settings;
        settings.CheckInDay = day;
        settings.CheckInTime = at;
        change.Practice.Settings = settings;
        return SettingOutcome.Done(
            $"The weekly check-in is now on {day}s at {at:HH\\:mm} ({change.Practice.TimeZone}).", $"{day} {at:HH\\:mm}", movesSchedules: true);
    }
}
