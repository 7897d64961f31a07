using PracticeBot.Core.Conversation.Commands;
using static PracticeBot.Core.Conversation.Commands.CommandParam;

namespace PracticeBot.Core.Posting;

/// <summary>The <c>posting</c> commands: one declaration each, read by the parser, the router, help and the docs.</summary>
public static class PostingCommands
{
    private const string Root = CommandCatalog.Posting;

    public static readonly IReadOnlyList<string> Networks =
        ["facebook", "instagram", "linkedin", "x", "tiktok", "youtube", "threads", "nextdoor", "google"];

    public static readonly CommandSpec Plan = CommandSpec.Declare<SetPostingPlan>(
        Root, "plan", "<n>/week [network…] [mon…sun] [7am…8pm] | off", "Set or pause the posting plan: networks, weekdays, due time.", Access.Managers,
        [Required("rate", ParamKind.RateOrOff), OptionalOf("networks", ParamKind.Words, [.. Networks, .. PlanShape.WeekdayWords, .. PlanShape.TimeWords])], mutates: true,
        details: "Without weekdays the posts are spread over the week (Mon/Wed/Fri for three).");

    public static readonly CommandSpec Volunteer = CommandSpec.Declare<Volunteer>(
        Root, "volunteer", "", "Volunteer for posting duty.", Access.Members, [], mutates: true);

    public static readonly CommandSpec OptOut = CommandSpec.Declare<OptOut>(
        Root, "optout", "", "Stop being assigned posting duty.", Access.Members, [], mutates: true);

    public static readonly CommandSpec Away = CommandSpec.Declare<SetAway>(
        Root, "away", "<from> <to>", "Be left out of the rotation between two dates.", Access.Members,
        [Required("from", ParamKind.Date), Required("to", ParamKind.Date)], mutates: true);

    public static readonly CommandSpec Done = CommandSpec.Declare<MarkPosted>(
        Root, "done", "[url]", "Record that you posted your slot.", Access.Members,
        [OptionalOf("url", ParamKind.Url)], mutates: true);

    public static readonly CommandSpec Skip = CommandSpec.Declare<SkipSlot>(
        Root, "skip", "", "Skip your current slot.", Access.Members, [], mutates: true,
        details: "The slot goes to the next volunteer in the fair rotation.");

    public static readonly CommandSpec Swap = CommandSpec.Declare<ProposeSwap>(
        Root, "swap", "@user", "Ask a teammate to take your current slot.", Access.Members,
        [Required("user", ParamKind.User)], mutates: true);

    public static readonly CommandSpec Schedule = CommandSpec.Declare<ShowPostingSchedule>(
        Root, "schedule", "", "Who posts when, this week and next.", Access.Members, [], readOnly: true,
        details: "With the link to the calendar feed.");

    public static readonly CommandSpec Ideas = CommandSpec.Declare<ShowPostIdeas>(
        Root, "ideas", "[add <idea>]", "Suggestions for what to post; managers add the practice's own.", Access.Members,
        [OptionalOf("idea", ParamKind.Text)]);

    public static readonly IReadOnlyList<CommandSpec> All = [Plan, Volunteer, OptOut, Away, Done, Skip, Swap, Schedule, Ideas];
}
