using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Scheduling;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Practices;

/// <summary>
/// <c>practice settings</c> shows the practice's settings; managers change one with
/// <c>practice settings name|timezone|approval|template|tone|contact &lt;value&gt;</c>.
/// </summary>
public sealed class ShowSettings(PracticeBotDb db, IEnumerable<IPracticeSchedules> schedules, IWebhookSecretVault? secrets = null)
    : IBotHandler<CommandInvocation>
{
    public async ValueTask HandleAsync(CommandInvocation command, TurnContext turn, CancellationToken cancellationToken)
    {
        var practice = turn.Practice!;
        if (command.Find<string>("key") is { } key)
        {
            Change(practice, key, command.Text("value"), turn);
            return;
        }

        var members = await db.Members.Where(m => m.PracticeId == practice.Id && m.Roles != Role.None)
            .OrderBy(m => m.DisplayName).ToListAsync(cancellationToken);
        string Holders(Role role) =>
            members.Where(m => m.Roles.HasFlag(role)) is var list && list.Any() ? string.Join(", ", list.Select(m => m.Mention)) : "nobody yet";

        var s = practice.Settings;
        var card = Card.Of(
            new HeaderBlock($"{practice.Name} — settings"),
            new SectionBlock("", [
                new CardField("Id (for the review webhook)", practice.Slug),
                new CardField("Time zone", practice.TimeZone),
                new CardField("Channel for cards", practice.Channel is { } c ? $"{c.Platform} {c.ChannelId}" : "not set"),
                new CardField("Weekly check-in", $"{s.CheckInDay} {s.CheckInTime:HH\\:mm}"),
                new CardField("Response target", $"{s.ResponseTargetHours} h (negative reviews {s.UrgentResponseTargetHours} h)"),
                new CardField("Replies needing approval", s.ApproveEveryReply ? "every reply" : $"reviews of {s.ApprovalAtOrBelowStars} stars or fewer, and every negative one"),
                new CardField("Publishing hold", $"{s.PublishHoldMinutes} min"),
                new CardField("Own reply templates", s.ReplyTemplates.Count == 0 ? "none (built-in ones are used)" : string.Join(", ", s.ReplyTemplates.Keys.Order())),
                new CardField("Tone of suggested replies", ReplyTones.Normalize(s.ReplyTone)),
                new CardField("Contact line", Reviews.ReplyTemplates.ContactLineOf(s) + (string.IsNullOrWhiteSpace(s.ContactLine) ? " (default)" : "")),
            ]),
            new SectionBlock("*People*", [
                new CardField("Managers", Holders(Role.Manager)),
                new CardField("Responders", Holders(Role.Responder)),
                new CardField("Operations", Holders(Role.Operations)),
                new CardField("Posters", Holders(Role.Poster)),
            ]),
            new ContextBlock(["Managers change these with `practice settings name|timezone|channel|checkin|approval|template|tone|contact <value>` and `practice role @user <role>`."]));
        turn.Reply(new OutboundMessage($"{practice.Name} settings", card));
        if (turn.Member?.Has(Role.Manager) == true && secrets is not null)
        {
            // Apart from the settings, so that only this reply has to go somewhere private.
            turn.ReplySecret(new OutboundMessage($"The review webhook secret of {practice.Name}", Card.Of(
                new SectionBlock("*Review webhook* (managers only: keep this secret)", [
                    new CardField("Secret for X-PracticeBot-Signature", $"`{secrets.RevealOrCreate(practice)}`"),
                    new CardField("Id (for the review webhook)", practice.Slug),
                ]))));
        }
    }

    private void Change(Practice practice, string key, string? value, TurnContext turn)
    {
        if (turn.Member?.Has(Role.Manager) != true)
        {
            turn.Refuse("Only managers can change settings. `practice settings` shows them.", $"practice:{practice.Slug}", "needs managers");
            return;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            turn.Reply($"Give the new {key}: `practice settings {key} <value>`.");
            return;
        }

        switch (key)
        {
            case "timezone":
                if (!TimeZones.TryNormalize(value.Trim(), out var zone))
                {
                    turn.Reply($"`{value.Trim()}` isn't a time zone I know. Use an IANA id such as `America/Chicago` or `Europe/London`.");
                    return;
                }

                practice.TimeZone = zone;
                turn.Audit("practice.settings.changed", $"practice:{practice.Slug}", $"timezone={zone}");
                // Weekly and daily triggers fire at local times: they move with the zone.
                turn.AfterCommit(ct => schedules.SyncAllAsync(practice, ct));
                turn.Reply($"Time zone is now {zone}.");
                return;

            case "approval":
                ChangeApproval(practice, value.Trim(), turn);
                return;

            case "checkin":
                if (!TryReadDayAndTime(value.Trim(), out var day, out var at))
                {
                    turn.Reply("Say the day and the local time of the weekly check-in: `practice settings checkin monday 09:00`.");
                    return;
                }

                var updated = practice.Settings;
                updated.CheckInDay = day;
                updated.CheckInTime = at;
                practice.Settings = updated;
                turn.Audit("practice.settings.changed", $"practice:{practice.Slug}", $"checkin={day} {at:HH\\:mm}");
                turn.AfterCommit(ct => schedules.SyncAllAsync(practice, ct));
                turn.Reply($"The weekly check-in is now on {day}s at {at:HH\\:mm} ({practice.TimeZone}).");
                return;

            case "channel":
                if (!string.Equals(value.Trim(), "here", StringComparison.OrdinalIgnoreCase) || turn.Chat is null)
                {
                    turn.Reply("Run `practice settings channel here` in the channel where review cards and the weekly check-in should go.");
                    return;
                }

                practice.Channel = turn.Chat.Conversation.WithoutThread();
                turn.Audit("practice.settings.changed", $"practice:{practice.Slug}", $"channel={practice.Channel.Platform}/{practice.Channel.ChannelId}");
                turn.ReplyInChannel(OutboundMessage.Plain($"Review cards and the weekly check-in for *{practice.Name}* will come to this channel from now on."));
                return;

            case "template":
                ChangeTemplate(practice, value.Trim(), turn);
                return;

            case "tone":
                ChangeTone(practice, value.Trim(), turn);
                return;

            case "contact":
                ChangeContactLine(practice, value.Trim(), turn);
                return;

            case "name":
                var name = value.Trim().Trim('"', '\u201C', '\u201D');
                if (name.Length is 0 or > 200)
                {
                    turn.Reply("A practice name needs 1 to 200 characters.");
                    return;
                }

                practice.Name = name;
                turn.Audit("practice.settings.changed", $"practice:{practice.Slug}", "name");
                turn.Reply($"The practice is now called *{name}*. Its id stays `{practice.Slug}` so webhooks keep working.");
                return;
        }
    }

    private static void ChangeApproval(Practice practice, string value, TurnContext turn)
    {
        var settings = practice.Settings;
        if (string.Equals(value, "all", StringComparison.OrdinalIgnoreCase))
        {
            settings.ApproveEveryReply = true;
        }
        else if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var stars) && stars is >= 0 and <= 5)
        {
            settings.ApproveEveryReply = false;
            settings.ApprovalAtOrBelowStars = stars;
        }
        else
        {
            turn.Reply("Say which replies need a manager's approval: `practice settings approval 3` (reviews of 3 stars or fewer) or `practice settings approval all`.");
            return;
        }

        // Reassign so the JSON column is saved as changed.
        practice.Settings = settings;
        turn.Audit("practice.settings.changed", $"practice:{practice.Slug}", $"approval={value.ToLowerInvariant()}");
        turn.Reply(settings.ApproveEveryReply
            ? "Every reply now needs a manager's approval."
            : $"Replies to reviews of {settings.ApprovalAtOrBelowStars} stars or fewer need a manager's approval. Replies to negative reviews always do.");
    }

    private static void ChangeTemplate(Practice practice, string value, TurnContext turn)
    {
        var split = value.IndexOfAny([' ', '\n', '\t']);
        var key = (split < 0 ? value : value[..split]).ToLowerInvariant();
        var text = split < 0 ? "" : value[(split + 1)..].Trim();
        if (!Reviews.ReplyTemplates.Keys.Contains(key))
        {
            turn.Reply($"Templates are kept by: {string.Join(", ", Reviews.ReplyTemplates.Keys)}. For example `practice settings template wait-time Thank you for …`.");
            return;
        }

        var settings = practice.Settings;
        if (text.Length == 0 || string.Equals(text, "reset", StringComparison.OrdinalIgnoreCase))
        {
            settings.ReplyTemplates.Remove(key);
            practice.Settings = settings;
            turn.Audit("practice.settings.changed", $"practice:{practice.Slug}", $"template {key} reset");
            turn.Reply($"The `{key}` template is the built-in one again.");
            return;
        }

        var privacy = Reviews.Privacy.PrivacyCheck.Check(text, practiceName: practice.Name);
        if (privacy.IsHighRisk)
        {
            turn.Reply($"That template would put patient information in every reply, so it was not saved.\n{privacy.Explain()}");
            return;
        }

        if (text.Length > Reviews.DraftReply.MaxLength)
        {
            turn.Reply($"A template can have at most {Reviews.DraftReply.MaxLength} characters.");
            return;
        }

        settings.ReplyTemplates[key] = text;
        practice.Settings = settings;
        turn.Audit("practice.settings.changed", $"practice:{practice.Slug}", $"template {key}");
        turn.Reply($"Saved the `{key}` template. {(privacy.IsClean ? "" : privacy.Explain())}".TrimEnd());
    }

    private static void ChangeTone(Practice practice, string value, TurnContext turn)
    {
        var tone = ReplyTones.All.FirstOrDefault(t => string.Equals(t, value, StringComparison.OrdinalIgnoreCase));
        if (tone is null)
        {
            turn.Reply($"Suggested replies can sound {string.Join(", ", ReplyTones.All)}: `practice settings tone formal`.");
            return;
        }

        var settings = practice.Settings;
        settings.ReplyTone = tone;
        practice.Settings = settings;
        turn.Audit("practice.settings.changed", $"practice:{practice.Slug}", $"tone={tone}");
        turn.Reply($"Suggested replies now sound {tone}.");
    }

    /// <summary>The contact line goes into every suggested reply, so it passes the privacy check like a template.</summary>
    private static void ChangeContactLine(Practice practice, string value, TurnContext turn)
    {
        var settings = practice.Settings;
        var text = value.Trim('"', '\u201C', '\u201D').Trim();
        if (string.Equals(text, "reset", StringComparison.OrdinalIgnoreCase))
        {
            settings.ContactLine = null;
            practice.Settings = settings;
            turn.Audit("practice.settings.changed", $"practice:{practice.Slug}", "contact reset");
            turn.Reply($"Suggested replies end with the default line again: “{Reviews.ReplyTemplates.DefaultContactLine}”");
            return;
        }

        if (text.Length is 0 or > MaxContactLineLength)
        {
            turn.Reply($"A contact line needs 1 to {MaxContactLineLength} characters, e.g. `practice settings contact Please call our office at 555-010-0199.`");
            return;
        }

        var privacy = Reviews.Privacy.PrivacyCheck.Check(text, practiceName: practice.Name);
        if (privacy.IsHighRisk)
        {
            turn.Reply($"That line would put patient information in every suggested reply, so it was not saved.\n{privacy.Explain()}");
            return;
        }

        settings.ContactLine = text;
        practice.Settings = settings;
        turn.Audit("practice.settings.changed", $"practice:{practice.Slug}", "contact");
        turn.Reply($"Suggested replies now end with: “{text}”");
    }

    private const int MaxContactLineLength = 300;

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
        return TimeOnly.TryParseExact(words[1], ["H:mm", "HH:mm", "h:mmtt", "htt"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out at);
    }
}
