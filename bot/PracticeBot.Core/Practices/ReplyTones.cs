namespace PracticeBot.Core.Practices;

/// <summary>
/// How a practice's suggested replies sound (<c>practice set tone warm|formal|brief</c>): it picks the template
/// variant and is told to the model. Kept as a word in the settings JSON so a new tone needs no migration.
/// </summary>
public static class ReplyTones
{
    public const string Warm = "warm";
    public const string Formal = "formal";
    public const string Brief = "brief";

    public static readonly IReadOnlyList<string> All = [Warm, Formal, Brief];

    /// <summary>The tone as the model is asked for it.</summary>
    public static string Describe(string tone) => Normalize(tone) switch
    {
        Formal => "formal and courteous, in complete sentences, without contractions or exclamation marks",
        Brief => "brief: two short sentences at most",
        _ => "warm and friendly, in plain everyday words",
    };

    /// <summary>A tone the practice has, or <see cref="Warm"/> for anything else (an older or hand-edited setting).</summary>
    public static string Normalize(string? tone) =>
        All.FirstOrDefault(t => string.Equals(t, tone?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? Warm;
}
