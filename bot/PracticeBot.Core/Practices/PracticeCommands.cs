using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Practices.Settings;
using static PracticeBot.Core.Conversation.Commands.CommandParam;

namespace PracticeBot.Core.Practices;

/// <summary>The practice's own commands (setup, roles, settings): one declaration each.</summary>
public static class PracticeCommands
{
    private const string Root = CommandCatalog.PracticeRoot;

    public static readonly CommandSpec Setup = CommandSpec.Declare<SetupPractice>(
        Root, "setup", "[name] [timezone]", "Set up the practice here; you become its manager.", Access.Anyone,
        [OptionalOf("name", ParamKind.NameAndTimeZone)], mutates: true,
        details: "In a workspace not yet set up: makes the practice's id from its name (e.g. `sunrise-family-medicine`), binds the workspace and makes this channel its channel for cards and digests.")
        with { Example = "practice setup \"Sunrise Family Medicine\" America/Chicago" };

    public static readonly CommandSpec Role = CommandSpec.Declare<ChangeRole>(
        Root, "role", "@user <role>", "Give a role (manager, responder, operations, poster); -role takes it away.", Access.Managers,
        [Required("user", ParamKind.User), Required("role", ParamKind.RoleChange)], mutates: true);

    /// <summary>Shows the settings (or explains one of <see cref="SettingsCatalog"/>); it never changes anything.</summary>
    public static readonly CommandSpec Settings = CommandSpec.Declare<ShowSettings>(
        Root, "settings", "[setting]", "Show the practice's settings, or explain one.", Access.Members,
        [OptionalOf("setting", ParamKind.Choice, [.. SettingsCatalog.AllKeys]), OptionalOf("value", ParamKind.Text)],
        details: "It only reads: `practice set` changes a setting. [Settings](settings.md) lists them all.")
        with { Example = "practice settings targets" };

    /// <summary>Changes one setting of <see cref="SettingsCatalog"/> (its names are the choices).</summary>
    public static readonly CommandSpec Set = CommandSpec.Declare<ChangeSetting>(
        Root, "set", "<setting> <value>", $"Change one setting: {string.Join(", ", SettingsCatalog.Keys)}.", Access.Managers,
        [Required("setting", ParamKind.Choice, [.. SettingsCatalog.Keys]), OptionalOf("value", ParamKind.Text)], mutates: true,
        details: "The value is checked first; a change is audited and shown in the channel. A template or contact line that would disclose patient information is refused. [Settings](settings.md) has each setting's values.")
        with { Example = "practice set targets 72h negative 24h" };

    public static readonly IReadOnlyList<CommandSpec> All = [Setup, Role, Settings, Set];
}
