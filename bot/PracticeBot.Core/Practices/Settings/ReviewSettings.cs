namespace PracticeBot.Core.Practices.Settings;

/// <summary>How reviews are answered: response targets, which replies need approval, the publishing hold.</summary>
internal static class ReviewSettings
{
    public const string Group = "Reviews";
    public const int MaxTargetHours = 24 * 30;
    public const int MaxHoldMinutes = 24 * 60;

    public static readonly PracticeSetting Targets = new(
        "targets", Group, "Response targets",
        "How soon a review should have a first reply, and a negative review sooner. Reminders and the check-in's on-time share use them.",
        "<hours>h [negative <hours>h]", "72h negative 24h",
        p => $"{p.Settings.ResponseTargetHours} h (negative reviews {p.Settings.UrgentResponseTargetHours} h)",
        ChangeTargets,
        [nameof(PracticeSettings.ResponseTargetHours), nameof(PracticeSettings.UrgentResponseTargetHours)]);

    public static readonly PracticeSetting Approval = new(
        "approval", Group, "Replies needing approval",
        "Which replies need a manager's approval: those to reviews of this many stars or fewer (negative reviews always do), or all.",
        "<stars 0-5>|all", "3",
        p => p.Settings.ApproveEveryReply ? "every reply" : $"reviews of {p.Settings.ApprovalAtOrBelowStars} stars or fewer, and every negative one",
        ChangeApproval,
        [nameof(PracticeSettings.ApprovalAtOrBelowStars), nameof(PracticeSettings.ApproveEveryReply)]);

    public static readonly PracticeSetting Hold = new(
        "hold", Group, "Publishing hold",
        "How long a reply waits, cancellable with `review cancel`, before it is published through the review site.",
        "<minutes>m", "10m",
        p => $"{p.Settings.PublishHoldMinutes} min",
        ChangeHold,
        [nameof(PracticeSettings.PublishHoldMinutes)]);

    private static SettingOutcome ChangeTargets(SettingChange change)
    {
        var words = SettingValues.Words(change.Value);
        var settings = change.Practice.Settings;
        int? all = null;
        int? negative = null;
        for (var i = 0; i < words.Count; i++)
        {
            var isNegative = words[i] is "negative" or "urgent" or "neg";
            if (isNegative && ++i >= words.Count)
            {
                return SettingOutcome.Refuse("Give the target for negative reviews after the word: `negative 24h`.");
            }

            var word = words[i];

            if (!SettingValues.TryDuration(word, out var duration, bareUnit: 'h') || duration < TimeSpan.FromHours(1)
                || duration > TimeSpan.FromHours(MaxTargetHours) || duration.Minutes != 0)
            {
                return SettingOutcome.Refuse(
                    $"`{SettingValues.Typed(word)}` isn't a response target: give whole hours or days from 1h to {MaxTargetHours / 24}d.");
            }

            var hours = (int)duration.TotalHours;
            if (isNegative)
            {
                negative = hours;
            }
            else if (all is null)
            {
                all = hours;
            }
            else
            {
                return SettingOutcome.Refuse("Give one target for every review, and one after `negative`.");
            }
        }

        if (all is null && negative is null)
        {
            return SettingOutcome.Refuse("Give the target for every review, and for negative ones after `negative`.");
        }

        var newAll = all ?? settings.ResponseTargetHours;
        var newNegative = negative ?? Math.Min(settings.UrgentResponseTargetHours, newAll);
        if (newNegative > newAll)
        {
            return SettingOutcome.Refuse($"Negative reviews can't wait longer than the others: {newNegative} h is more than {newAll} h.");
        }

        settings.ResponseTargetHours = newAll;
        settings.UrgentResponseTargetHours = newNegative;
        change.Practice.Settings = settings;
        return SettingOutcome.Done(
            $"Reviews should now have a first reply within {newAll} h, negative ones within {newNegative} h.", $"{newAll}h negative {newNegative}h");
    }

    private static SettingOutcome ChangeApproval(SettingChange change)
    {
        var value = change.Value.Trim().ToLowerInvariant();
        var settings = change.Practice.Settings;
        if (value is "all" or "every" or "every reply")
        {
            settings.ApproveEveryReply = true;
        }
        else if (SettingValues.TryCount(value, 0, 5, out var stars))
        {
            settings.ApproveEveryReply = false;
            settings.ApprovalAtOrBelowStars = stars;
        }
        else
        {
            return SettingOutcome.Refuse("Say which replies need a manager's approval: a number of stars from 0 to 5 (replies to reviews of that many stars or fewer), or `all`.");
        }

        change.Practice.Settings = settings;
        return SettingOutcome.Done(
            settings.ApproveEveryReply
                ? "Every reply now needs a manager's approval."
                : $"Replies to reviews of {settings.ApprovalAtOrBelowStars} stars or fewer need a manager's approval. Replies to negative reviews always do.",
            settings.ApproveEveryReply ? "all" : settings.ApprovalAtOrBelowStars.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static SettingOutcome ChangeHold(SettingChange change)
    {
        var words = SettingValues.Words(change.Value);
        if (words.Count != 1 || !SettingValues.TryDuration(words[0], out var hold, bareUnit: 'm')
            || hold > TimeSpan.FromMinutes(MaxHoldMinutes) || hold.Seconds != 0)
        {
            return SettingOutcome.Refuse($"Give the hold in minutes (or hours), from `0m` (publish at once) to `{MaxHoldMinutes / 60}h`.");
        }

        var settings = change.Practice.Settings;
        settings.PublishHoldMinutes = (int)hold.TotalMinutes;
        change.Practice.Settings = settings;
        return SettingOutcome.Done(
            settings.PublishHoldMinutes == 0
                ? "Approved replies are now published at once, with no time to cancel."
                : $"Replies now wait {settings.PublishHoldMinutes} min, cancellable, before they are published.",
            $"{settings.PublishHoldMinutes}m");
    }
}
