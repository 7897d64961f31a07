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
        details: "In a workspace not yet set up: makes the practice's id from its name (e.g. `sunrise-family-medicine`), binds the workspace and makes this channel its channel for cards and digests.");

    public static readonly CommandSpec Role = CommandSpec.Declare<ChangeRole>(
        Root, "role", "@user <role>", "Give a role (manager, responder, operations, poster); -role takes it away.", Access.Managers,
        [Required("user", ParamKind.User), Required("role", ParamKind.RoleChange)], mutates: true);

    /// <summary>Shows the settings, or changes one of <see cref="SettingsCatalog"/> (its keys are the choices).</summary>
    public static readonly CommandSpec Settings = CommandSpec.Declare<ShowSettings>(
        Root, "settings", SettingsCatalog.Usage, SettingsCatalog.Summary, Access.Members,
        [OptionalOf("key", ParamKind.Choice, [.. SettingsCatalog.ChangeableKeys]), OptionalOf("value", ParamKind.Text)],
        details: "Changes are for managers. A template or contact line that would disclose patient information is refused.");

    public static readonly IReadOnlyList<CommandSpec> All = [Setup, Role, Settings];
}
