using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews.Suggestions;
using static PracticeBot.Core.Conversation.Commands.CommandParam;

namespace PracticeBot.Core.Reviews;

/// <summary>The <c>review</c> commands: one declaration each, read by the parser, the router, help and the docs.</summary>
public static class ReviewCommands
{
    private const string Root = CommandCatalog.Review;

    /// <summary>Who may work on a reply (managers may too).</summary>
    public static readonly Access Responders = Access.Roles(Role.Responder);

    /// <summary>Who may look into a complaint and close it.</summary>
    public static readonly Access Investigators = Access.Roles(Role.Responder | Role.Operations);

    public static readonly IReadOnlyList<string> Filters = ["open", "mine", "unanswered", "all"];

    public static readonly CommandSpec List = CommandSpec.Declare<ListReviews>(
        Root, "list", $"[{string.Join("|", Filters)}]", "List reviews (open ones by default).", Access.Members,
        [OptionalOf("filter", ParamKind.Choice, [.. Filters])], isImplicit: true, readOnly: true,
        details: "Newest first.");

    public static readonly CommandSpec Show = CommandSpec.Declare<ShowReview>(
        Root, "show", "<id>", "Show one review with its card.", Access.Members,
        [Required("id", ParamKind.ReviewNumber)], isImplicit: true, readOnly: true);

    public static readonly CommandSpec Claim = CommandSpec.Declare<ClaimReview>(
        Root, "claim", "<id> [@user]", "Claim a review (managers may assign it to someone).", Responders,
        [Required("id", ParamKind.ReviewNumber), OptionalOf("user", ParamKind.User)], mutates: true,
        details: "One owner per review: of two claims at once one wins, and the other is told who has it.");

    public static readonly CommandSpec Release = CommandSpec.Declare<ReleaseReview>(
        Root, "release", "<id>", "Give up your claim on a review.", Responders,
        [Required("id", ParamKind.ReviewNumber)], mutates: true,
        details: "Its owner, or a manager.");

    public static readonly CommandSpec Reply = CommandSpec.Declare<DraftReply>(
        Root, "reply", "<id> [text]", "Start or replace the reply draft (opens a form without text).", Responders,
        [Required("id", ParamKind.ReviewNumber), OptionalOf("text", ParamKind.Text)], mutates: true,
        details: "Its owner. The form is pre-filled with a safe template; every draft is checked for patient information as it is saved.");

    public static readonly CommandSpec Suggest = CommandSpec.Declare<SuggestReply>(
        Root, "suggest", "<id>", "Suggest a reply (saved as the draft when there is none), with its privacy check.", Responders,
        [Required("id", ParamKind.ReviewNumber)], mutates: true, trackedWritesOnly: true);

    public static readonly CommandSpec Approve = CommandSpec.Declare<ApproveReply>(
        Root, "approve", "<id> [reason]", "Approve the reply draft.", Access.Managers,
        [Required("id", ParamKind.ReviewNumber), OptionalOf("reason", ParamKind.Text)], mutates: true,
        details: "A draft with high-risk privacy findings only with a written reason, audited as an override.");

    public static readonly CommandSpec Reject = CommandSpec.Declare<RejectReply>(
        Root, "reject", "<id> [reason]", "Send the draft back with a reason.", Access.Managers,
        [Required("id", ParamKind.ReviewNumber), OptionalOf("reason", ParamKind.Text)], mutates: true);

    public static readonly CommandSpec Publish = CommandSpec.Declare<PublishReply>(
        Root, "publish", "<id>", "Publish an approved reply (after a short, cancellable hold).", Responders,
        [Required("id", ParamKind.ReviewNumber)], mutates: true,
        details: "A draft that needs approval (every reply to a review of 3 stars or fewer, always a negative one) goes to the managers first. " +
            "A source without a reply API gets the text ready to post by hand, with the link and a Mark replied button.");

    public static readonly CommandSpec Cancel = CommandSpec.Declare<CancelPublish>(
        Root, "cancel", "<id>", "Cancel a publish during its hold.", Responders,
        [Required("id", ParamKind.ReviewNumber)], mutates: true);

    public static readonly CommandSpec Resolve = CommandSpec.Declare<ResolveReview>(
        Root, "resolve", "<id> [note]", "Mark a review handled.", Investigators,
        [Required("id", ParamKind.ReviewNumber), OptionalOf("note", ParamKind.Text)], mutates: true);

    public static readonly CommandSpec Escalate = CommandSpec.Declare<EscalateReview>(
        Root, "escalate", "<id> [note]", "Hand a complaint to operations to look into.", Investigators,
        [Required("id", ParamKind.ReviewNumber), OptionalOf("note", ParamKind.Text)], mutates: true,
        details: "Privately (to the managers when nobody has the operations role), before any public reply.");

    public static readonly IReadOnlyList<CommandSpec> All =
        [List, Show, Claim, Release, Reply, Suggest, Approve, Reject, Publish, Cancel, Resolve, Escalate];
}
