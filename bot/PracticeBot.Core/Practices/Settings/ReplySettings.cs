using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Privacy;
using PracticeBot.Core.Reviews.Triage;

namespace PracticeBot.Core.Practices.Settings;

/// <summary>How replies are written: the practice's templates, tone, contact line, and its own complaint phrases.</summary>
internal static class ReplySettings
{
    public const string Group = "Replies";
    public const int MaxContactLineLength = 300;
    public const int MaxPhrases = 50;
    public const int MaxPhraseLength = 60;

    public static readonly PracticeSetting Template = new(
        "template", Group, "Own reply templates",
        $"The practice's own reply template for a complaint category or for negative, positive or neutral reviews; `reset` goes back to the built-in one. Keys: {string.Join(", ", ReplyTemplates.Keys)}.",
        "<key> <text>|<key> reset", "wait-time Thank you for telling us about the wait; we are sorry.",
        p => p.Settings.ReplyTemplates.Count == 0 ? "none (built-in ones are used)" : string.Join(", ", p.Settings.ReplyTemplates.Keys.Order()),
        ChangeTemplate,
        [nameof(PracticeSettings.ReplyTemplates)]);

    public static readonly PracticeSetting Tone = new(
        "tone", Group, "Tone of suggested replies", "How suggested replies sound.",
        string.Join("|", ReplyTones.All), ReplyTones.Formal,
        p => ReplyTones.Normalize(p.Settings.ReplyTone),
        ChangeTone,
        [nameof(PracticeSettings.ReplyTone)]);

    public static readonly PracticeSetting Contact = new(
        "contact", Group, "Contact line",
        "The sentence of a suggested reply that invites the reviewer to get in touch; `reset` goes back to the default.",
        "<text>|reset", "Please call our office at 555-010-0199.",
        p => OutsideText.Mark(ReplyTemplates.ContactLineOf(p.Settings)) + (string.IsNullOrWhiteSpace(p.Settings.ContactLine) ? " (default)" : ""),
        ChangeContactLine,
        [nameof(PracticeSettings.ContactLine)]);

    public static readonly PracticeSetting Phrases = new(
        "phrases", Group, "Own complaint phrases",
        $"Phrases, comma-separated, that put a review in a complaint category (a built-in one: {string.Join(", ", ComplaintCategories.All.Select(c => c.Id))}; or a new id of your own); `reset` drops the category's own phrases.",
        "<category> <phrase>, <phrase>…|<category> reset", "parking no parking, parking lot full",
        p => p.Settings.ExtraCategoryPhrases.Count == 0
            ? "none"
            : string.Join("; ", p.Settings.ExtraCategoryPhrases.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} ({c.Value.Count})")),
        ChangePhrases,
        [nameof(PracticeSettings.ExtraCategoryPhrases)]);

    private static SettingOutcome ChangeTemplate(SettingChange change)
    {
        var (key, text) = KeyAndRest(change.Value);
        if (!ReplyTemplates.Keys.Contains(key))
        {
            return SettingOutcome.Refuse($"`{SettingValues.Typed(key)}` isn't a template key. Templates are kept by: {string.Join(", ", ReplyTemplates.Keys)}.");
        }

        var practice = change.Practice;
        var settings = practice.Settings;
        if (text.Length == 0 || string.Equals(text, "reset", StringComparison.OrdinalIgnoreCase))
        {
            settings.ReplyTemplates.Remove(key);
            practice.Settings = settings;
            return SettingOutcome.Done($"The `{key}` template is the built-in one again.", $"{key} reset");
        }

        var privacy = PrivacyCheck.Check(text, practiceName: practice.Name);
        if (privacy.IsHighRisk)
        {
            return SettingOutcome.Refuse($"That template would put patient information in every reply, so it was not saved.\n{privacy.Explain()}");
        }

        if (text.Length > DraftReply.MaxLength)
        {
            return SettingOutcome.Refuse($"A template can have at most {DraftReply.MaxLength} characters.");
        }

        settings.ReplyTemplates[key] = text;
        practice.Settings = settings;
        return SettingOutcome.Done($"Saved the `{key}` template. {(privacy.IsClean ? "" : privacy.Explain())}".TrimEnd(), key);
    }

    private static SettingOutcome ChangeTone(SettingChange change)
    {
        var tone = ReplyTones.All.FirstOrDefault(t => string.Equals(t, change.Value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (tone is null)
        {
            return SettingOutcome.Refuse($"Suggested replies can sound {string.Join(", ", ReplyTones.All)}.");
        }

        var settings = change.Practice.Settings;
        settings.ReplyTone = tone;
        change.Practice.Settings = settings;
        return SettingOutcome.Done($"Suggested replies now sound {tone}.", tone);
    }

    /// <summary>The contact line goes into every suggested reply, so it passes the privacy check like a template.</summary>
    private static SettingOutcome ChangeContactLine(SettingChange change)
    {
        var practice = change.Practice;
        var settings = practice.Settings;
        var text = change.Value.Trim().Trim('"', '\u201C', '\u201D').Trim();
        if (string.Equals(text, "reset", StringComparison.OrdinalIgnoreCase))
        {
            settings.ContactLine = null;
            practice.Settings = settings;
            return SettingOutcome.Done($"Suggested replies end with the default line again: “{ReplyTemplates.DefaultContactLine}”", "reset");
        }

        if (text.Length is 0 or > MaxContactLineLength)
        {
            return SettingOutcome.Refuse($"A contact line needs 1 to {MaxContactLineLength} characters.");
        }

        var privacy = PrivacyCheck.Check(text, practiceName: practice.Name);
        if (privacy.IsHighRisk)
        {
            return SettingOutcome.Refuse($"That line would put patient information in every suggested reply, so it was not saved.\n{privacy.Explain()}");
        }

        settings.ContactLine = text;
        practice.Settings = settings;
        return SettingOutcome.Done($"Suggested replies now end with: “{OutsideText.Mark(text)}”", "set");
    }

    private static SettingOutcome ChangePhrases(SettingChange change)
    {
        var (category, rest) = KeyAndRest(change.Value);
        if (category.Length is 0 or > 40 || !category.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            return SettingOutcome.Refuse("Start with the category id: a built-in one or a new one of lower-case letters, digits and dashes (`parking`).");
        }

        var settings = change.Practice.Settings;
        if (rest.Length == 0 || string.Equals(rest, "reset", StringComparison.OrdinalIgnoreCase))
        {
            settings.ExtraCategoryPhrases.Remove(category);
            change.Practice.Settings = settings;
            return SettingOutcome.Done($"The `{category}` category has only its built-in phrases again.", $"{category} reset");
        }

        var phrases = rest.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (phrases.Count is 0 or > MaxPhrases || phrases.Any(p => p.Length is < 3 or > MaxPhraseLength))
        {
            return SettingOutcome.Refuse($"Give 1 to {MaxPhrases} phrases, separated by commas, each 3 to {MaxPhraseLength} characters.");
        }

        settings.ExtraCategoryPhrases[category] = phrases;
        change.Practice.Settings = settings;
        return SettingOutcome.Done(
            $"New reviews that say {string.Join(", ", phrases.Select(p => $"“{OutsideText.Mark(p)}”"))} go in the `{category}` category.",
            $"{category} ({phrases.Count} phrases)");
    }

    private static (string Key, string Text) KeyAndRest(string raw)
    {
        var value = raw.Trim();
        var split = value.IndexOfAny([' ', '\n', '\t']);
        return ((split < 0 ? value : value[..split]).ToLowerInvariant(), split < 0 ? "" : value[(split + 1)..].Trim());
    }
}
