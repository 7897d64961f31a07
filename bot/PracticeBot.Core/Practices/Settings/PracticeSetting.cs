using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Core.Practices.Settings;

/// <summary>What changing a setting works on: the practice, the value typed after the setting's name, the turn.</summary>
public sealed record SettingChange(Practice Practice, string Value, TurnContext Turn);

/// <summary>
/// What a change came to: refused with a <see cref="Problem"/> (nothing was changed), or done, with the sentence the
/// channel is shown and the audit log's detail.
/// </summary>
public sealed record SettingOutcome(string? Problem, string? Said, string? AuditDetail, bool MovesSchedules = false)
{
    public bool Refused => Problem is not null;

    public static SettingOutcome Refuse(string problem) => new(problem, null, null);

    /// <param name="said">What changed, as the channel is told (<c>response targets are now 48 h, negative reviews 12 h</c>).</param>
    /// <param name="auditDetail">The new value, short and free of outside text where it can be.</param>
    /// <param name="movesSchedules">The practice's scheduled triggers move with it (time zone, check-in).</param>
    public static SettingOutcome Done(string said, string auditDetail, bool movesSchedules = false) => new(null, said, auditDetail, movesSchedules);
}

/// <summary>
/// One per-practice setting, defined once: the name typed in <c>practice set &lt;name&gt; &lt;value&gt;</c>, how the
/// settings card shows it, its help and example, how a typed value is read, checked and stored, and which
/// <see cref="PracticeSettings"/> properties hold it. The command, help, the settings card and
/// <c>docs/settings.md</c> all read these definitions (<see cref="SettingsCatalog"/>).
/// </summary>
/// <param name="Key">The name typed: <c>targets</c>.</param>
/// <param name="Group">The card section it is shown in.</param>
/// <param name="Label">The card field: <c>Response targets</c>.</param>
/// <param name="Help">What it is, one sentence.</param>
/// <param name="Usage">The value's shape after the name: <c>&lt;hours&gt;h [negative &lt;hours&gt;h]</c>.</param>
/// <param name="Example">A value that works: <c>72h negative 24h</c>.</param>
/// <param name="Format">The current value as the card shows it.</param>
/// <param name="Change">Reads, validates and stores a typed value; null when another command changes it (<see cref="ChangedBy"/>).</param>
/// <param name="Stores">The <see cref="PracticeSettings"/> properties it keeps its value in (none for the practice's own columns).</param>
public sealed record PracticeSetting(
    string Key,
    string Group,
    string Label,
    string Help,
    string Usage,
    string Example,
    Func<Practice, string> Format,
    Func<SettingChange, SettingOutcome>? Change,
    IReadOnlyList<string> Stores)
{
    /// <summary>The command that changes it when <c>practice set</c> does not (<c>posting ideas add &lt;idea&gt;</c>).</summary>
    public string? ChangedBy { get; init; }

    /// <summary><c>practice set targets &lt;hours&gt;h [negative &lt;hours&gt;h]</c>, or the other command.</summary>
    public string Syntax => ChangedBy ?? $"{PracticeCommands.Set.Words} {Key} {Usage}";

    /// <summary><c>practice set targets 72h negative 24h</c>.</summary>
    public string ExampleCommand => ChangedBy is null ? $"{PracticeCommands.Set.Words} {Key} {Example}" : Example;
}
