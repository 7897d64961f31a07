using PracticeBot.Core.Posting;
using PracticeBot.Core.Practices;
using static PracticeBot.Core.Conversation.Commands.CommandParam;

namespace PracticeBot.Core.Conversation.Commands;

/// <summary>The whole chat grammar of DESIGN.md, in one table.</summary>
public static class CommandCatalog
{
    public const string Review = "review";
    public const string Posting = "posting";
    public const string PracticeRoot = "practice";
    public const string Help = "help";

    public static readonly IReadOnlyList<string> Roots = [Review, Posting, PracticeRoot, Help];

    public static readonly IReadOnlyList<string> ReviewFilters = ["open", "mine", "unanswered", "all"];

    public static readonly IReadOnlyList<string> Networks =
        ["facebook", "instagram", "linkedin", "x", "tiktok", "youtube", "threads", "nextdoor", "google"];

    private static readonly Access Responders = Access.Roles(Role.Responder);
    private static readonly Access Investigators = Access.Roles(Role.Responder | Role.Operations);

    public static readonly IReadOnlyList<CommandSpec> All =
    [
        new(Review, "list", "review [open|mine|unanswered|all]", "List reviews (open ones by default).", Access.Members,
            [OptionalOf("filter", ParamKind.Choice, [.. ReviewFilters])], Implicit: true, ReadOnly: true),
        new(Review, "show", "review <id>", "Show one review with its card.", Access.Members,
            [Required("id", ParamKind.ReviewNumber)], Implicit: true, ReadOnly: true),
        new(Review, "claim", "review claim <id> [@user]", "Claim a review (managers may assign it to someone).", Responders,
            [Required("id", ParamKind.ReviewNumber), OptionalOf("user", ParamKind.User)], Mutates: true),
        new(Review, "release", "review release <id>", "Give up your claim on a review.", Responders,
            [Required("id", ParamKind.ReviewNumber)], Mutates: true),
        new(Review, "reply", "review reply <id> [text]", "Start or replace the reply draft (opens a form without text).", Responders,
            [Required("id", ParamKind.ReviewNumber), OptionalOf("text", ParamKind.Text)], Mutates: true),
        new(Review, "suggest", "review suggest <id>", "Suggest a reply (saved as the draft when there is none), with its privacy check.", Responders,
            [Required("id", ParamKind.ReviewNumber)], Mutates: true),
        new(Review, "approve", "review approve <id> [reason]", "Approve the reply draft.", Access.Managers,
            [Required("id", ParamKind.ReviewNumber), OptionalOf("reason", ParamKind.Text)], Mutates: true),
        new(Review, "reject", "review reject <id> [reason]", "Send the draft back with a reason.", Access.Managers,
            [Required("id", ParamKind.ReviewNumber), OptionalOf("reason", ParamKind.Text)], Mutates: true),
        new(Review, "publish", "review publish <id>", "Publish an approved reply (after a short, cancellable hold).", Responders,
            [Required("id", ParamKind.ReviewNumber)], Mutates: true),
        new(Review, "cancel", "review cancel <id>", "Cancel a publish during its hold.", Responders,
            [Required("id", ParamKind.ReviewNumber)], Mutates: true),
        new(Review, "resolve", "review resolve <id> [note]", "Mark a review handled.", Investigators,
            [Required("id", ParamKind.ReviewNumber), OptionalOf("note", ParamKind.Text)], Mutates: true),
        new(Review, "escalate", "review escalate <id> [note]", "Hand a complaint to operations to look into.", Investigators,
            [Required("id", ParamKind.ReviewNumber), OptionalOf("note", ParamKind.Text)], Mutates: true),

        new(Posting, "plan", "posting plan <n>/week [network…] [mon…sun] [7am…8pm] | posting plan off", "Set or pause the posting plan: networks, weekdays, due time.", Access.Managers,
            [Required("rate", ParamKind.RateOrOff), OptionalOf("networks", ParamKind.Words, [.. Networks, .. PlanShape.WeekdayWords, .. PlanShape.TimeWords])], Mutates: true),
        new(Posting, "volunteer", "posting volunteer", "Volunteer for posting duty.", Access.Members, [], Mutates: true),
        new(Posting, "optout", "posting optout", "Stop being assigned posting duty.", Access.Members, [], Mutates: true),
        new(Posting, "away", "posting away <from> <to>", "Be left out of the rotation between two dates.", Access.Members,
            [Required("from", ParamKind.Date), Required("to", ParamKind.Date)], Mutates: true),
        new(Posting, "done", "posting done [url]", "Record that you posted your slot.", Access.Members,
            [OptionalOf("url", ParamKind.Url)], Mutates: true),
        new(Posting, "skip", "posting skip", "Skip your current slot.", Access.Members, [], Mutates: true),
        new(Posting, "swap", "posting swap @user", "Ask a teammate to take your current slot.", Access.Members,
            [Required("user", ParamKind.User)], Mutates: true),
        new(Posting, "schedule", "posting schedule", "Who posts when, this week and next.", Access.Members, [], ReadOnly: true),
        new(Posting, "ideas", "posting ideas [add <idea>]", "Suggestions for what to post; managers add the practice's own.", Access.Members,
            [OptionalOf("idea", ParamKind.Text)]),

        new(PracticeRoot, "setup", "practice setup [name] [timezone]", "Set up the practice here; you become its manager.", Access.Anyone,
            [OptionalOf("name", ParamKind.NameAndTimeZone)], Mutates: true),
        new(PracticeRoot, "role", "practice role @user <role>", "Give a role (manager, responder, operations, poster); -role takes it away.", Access.Managers,
            [Required("user", ParamKind.User), Required("role", ParamKind.RoleChange)], Mutates: true),
        new(PracticeRoot, "sources", "practice sources", "Review sources and when they last synced.", Access.Managers, [], ReadOnly: true),
        new(PracticeRoot, "checkin", "practice checkin", "Run the weekly check-in now.", Access.Managers, [], Mutates: true),
        new(PracticeRoot, "digest", "practice digest", "Show this week's digest to you only.", Access.Members, []),
        new(PracticeRoot, "settings", "practice settings [name|timezone|channel|checkin|approval|template|tone|contact <value>]",
            "Show the settings; managers change the name, time zone, the channel for cards (`channel here`), the weekly check-in (`checkin monday 09:00`), which replies need approval (`approval 3` or `approval all`), a reply template (`template wait-time <text>`), how suggested replies sound (`tone warm|formal|brief`), or the line that invites the reviewer to call (`contact <text>`).",
            Access.Members,
            [OptionalOf("key", ParamKind.Choice, "name", "timezone", "channel", "checkin", "approval", "template", "tone", "contact"), OptionalOf("value", ParamKind.Text)]),

        new(Help, "topics", "help [review|posting|practice]", "What the bot can do.", Access.Anyone,
            [OptionalOf("topic", ParamKind.Choice, Review, Posting, PracticeRoot)], Implicit: true, ReadOnly: true),
    ];

    public static IEnumerable<CommandSpec> ForRoot(string root) =>
        All.Where(c => string.Equals(c.Root, root, StringComparison.OrdinalIgnoreCase));

    public static CommandSpec ByRouteName(string routeName) =>
        All.FirstOrDefault(c => c.RouteName == routeName)
        ?? throw new ArgumentException($"No command is named '{routeName}'.", nameof(routeName));

    public static bool IsRoot(string word) => Roots.Contains(word.ToLowerInvariant());

    /// <summary>All usage lines of one root, for a malformed or incomplete command.</summary>
    public static string UsageOf(string root) =>
        string.Join("\n", ForRoot(root).Select(c => $"`{c.Syntax}`"));
}
