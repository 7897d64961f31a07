using PracticeBot.Core.CheckIns;
using PracticeBot.Core.Home;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Practices.Onboarding;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Sources.Connections;

namespace PracticeBot.Host.Tests.Isolation;

/// <summary>
/// Every command of the grammar and every button / form action, each aimed at practice B. A test checks that this table
/// covers every route of the router, so a new command or action cannot escape the matrix.
/// </summary>
public static class AttemptCatalog
{
    private static readonly Dictionary<string, string> DraftInputs = new() { [ReviewActions.DraftInput] = "Thank you for your feedback, we are looking into it." };
    private static readonly Dictionary<string, string> ReasonInputs = new() { [ReviewActions.ReasonInput] = "Please make it shorter." };

    public static readonly IReadOnlyList<Attempt> All =
    [
        Command("review list", Expect.OwnPractice, _ => "review all"),
        Command("review show", Expect.Refused, b => $"review {b.New}"),
        Command("review show", Expect.Refused, b => $"review {b.NewReviewRowId}", "row id"),
        Command("review claim", Expect.Refused, b => $"review claim {b.New}"),
        Command("review claim", Expect.Refused, b => $"review claim {b.New} {{@resp}}", "assign"),
        Command("review release", Expect.Refused, b => $"review release {b.Claimed}"),
        Command("review reply", Expect.Refused, b => $"review reply {b.Drafted} Thank you for your feedback, we are looking into it."),
        Command("review reply", Expect.Refused, b => $"review reply {b.Claimed}", "form"),
        Command("review suggest", Expect.Refused, b => $"review suggest {b.Claimed}"),
        Command("review approve", Expect.Refused, b => $"review approve {b.AwaitingApproval}"),
        Command("review reject", Expect.Refused, b => $"review reject {b.AwaitingApproval} Please make it shorter."),
        Command("review reject", Expect.Refused, b => $"review reject {b.AwaitingApproval}", "no reason"),
        Command("review publish", Expect.Refused, b => $"review publish {b.Approved}"),
        Command("review cancel", Expect.Refused, b => $"review cancel {b.Publishing}"),
        Command("review resolve", Expect.Refused, b => $"review resolve {b.Escalated} handled"),
        Command("review escalate", Expect.Refused, b => $"review escalate {b.New} please look into it"),

        Command("posting plan", Expect.OwnPractice, _ => "posting plan 3/week facebook"),
        Command("posting volunteer", Expect.OwnPractice, _ => "posting volunteer"),
        Command("posting optout", Expect.OwnPractice, _ => "posting optout"),
        Command("posting away", Expect.OwnPractice, _ => "posting away 2027-03-01 2027-03-05"),
        Command("posting done", Expect.OwnPractice, _ => "posting done https://www.facebook.com/alder/posts/1"),
        Command("posting skip", Expect.OwnPractice, _ => "posting skip"),
        Command("posting swap", Expect.OwnPractice, _ => "posting swap {@post2}"),
        Command("posting schedule", Expect.OwnPractice, _ => "posting schedule"),
        Command("posting ideas", Expect.OwnPractice, _ => "posting ideas"),

        Command("practice setup", Expect.OwnPractice, _ => $"practice setup \"{TwoPractices.BName}\" America/Chicago"),
        Command("practice role", Expect.OwnPractice, _ => "practice role {@mgr} manager"),
        Command("practice sources", Expect.OwnPractice, _ => "practice sources"),
        Command("practice connect", Expect.OwnPractice, _ => "practice connect yelp the-attackers-own-business"),
        Command("practice disconnect", Expect.OwnPractice, _ => "practice disconnect google"),
        Command("practice checkin", Expect.OwnPractice, _ => "practice checkin"),
        Command("practice digest", Expect.OwnPractice, _ => "practice digest"),
        Command("practice settings", Expect.OwnPractice, _ => "practice settings"),
        Command("practice settings", Expect.Unparsed, b => $"practice settings {TwoPractices.BSlug}", "B's slug"),
        Command("practice set", Expect.OwnPractice, _ => "practice set tone formal"),
        Command("practice set", Expect.Unparsed, b => $"practice set {TwoPractices.BSlug} formal", "B's slug"),
        Command("practice dashboard", Expect.OwnPractice, _ => "practice dashboard"),
        Command("help topics", Expect.OwnPractice, _ => "help"),
        Command("my work", Expect.OwnPractice, _ => "my work"),

        Action(ReviewActions.Claim, b => b.New),
        Action(ReviewActions.Release, b => b.Claimed),
        Action(ReviewActions.Draft, b => b.Claimed),
        Action(ReviewActions.SubmitDraft, b => b.Drafted, DraftInputs),
        Action(ReviewActions.Suggest, b => b.Claimed),
        Action(ReviewActions.Publish, b => b.Approved),
        Action(ReviewActions.Approve, b => b.AwaitingApproval),
        Action(ReviewActions.Reject, b => b.AwaitingApproval),
        Action(ReviewActions.SubmitReject, b => b.AwaitingApproval, ReasonInputs),
        Action(ReviewActions.MarkReplied, b => b.Approved),
        Action(ReviewActions.Escalate, b => b.New),
        Action(ReviewActions.NoReplyNeeded, b => b.New),
        Action(ReviewActions.CancelPublish, b => b.Publishing),
        Action(PostingActions.Done, b => b.SlotId),
        Action(PostingActions.Skip, b => b.SlotId),
        Action(PostingActions.Swap, b => b.SlotId),
        Action(PostingActions.AcceptSwap, b => b.SwapId),
        Action(PostingActions.DeclineSwap, b => b.SwapId),
        // The setup guide's steps name no id: in a set-up workspace they work on (or show) the presser's own practice.
        Guide(SetupGuideActions.Show, "B|"),
        Guide(SetupGuideActions.Start, "B|"),
        Guide(SetupGuideActions.Create, "B|", new Dictionary<string, string> { [SetupGuideActions.NameInput] = TwoPractices.BName, [SetupGuideActions.TimeZoneInput] = "UTC" }),
        Guide(SetupGuideActions.TakeRole, "responder"),
        Guide(SetupGuideActions.Source, ""),
        Guide(SetupGuideActions.Plan, ""),
        Guide(SetupGuideActions.SavePlan, "", new Dictionary<string, string> { [SetupGuideActions.PostsInput] = "2", [SetupGuideActions.NetworksInput] = "facebook" }),
        Action(HomeActions.OpenReview, b => b.New),
        new($"action:{CheckInActions.WillPost}", $"action:{CheckInActions.WillPost}", Expect.Refused, ActionId: CheckInActions.WillPost, Value: b => b.NudgeSubject),
        // The pause button carries no id at all: it pauses the presser's own practice's plan, whatever the value says.
        new($"action:{CheckInActions.PausePlan}", $"action:{CheckInActions.PausePlan}", Expect.OwnPractice, ActionId: CheckInActions.PausePlan, Value: b => b.NudgeSubject),
        // The location button names a source, not a practice: it only ever reads the presser's own practice's pending choices.
        new($"action:{ChooseSourceLocation.ActionId}", $"action:{ChooseSourceLocation.ActionId}", Expect.OwnPractice, ActionId: ChooseSourceLocation.ActionId, Value: _ => "google:0"),
    ];

    public static Attempt ByName(string name) => All.Single(a => a.Name == name);

    private static Attempt Command(string route, Expect expect, Func<BTargets, string> line, string? variant = null) =>
        new(variant is null ? route : $"{route} ({variant})", $"command:{route}", expect, Line: line);

    private static Attempt Guide(string actionId, string value, IReadOnlyDictionary<string, string>? inputs = null) =>
        new($"action:{actionId}", $"action:{actionId}", Expect.OwnPractice, ActionId: actionId, Value: _ => value, Inputs: inputs);

    private static Attempt Action(string actionId, Func<BTargets, long> value, IReadOnlyDictionary<string, string>? inputs = null) =>
        new($"action:{actionId}", $"action:{actionId}", Expect.Refused, ActionId: actionId, Value: b => value(b).ToString(System.Globalization.CultureInfo.InvariantCulture), Inputs: inputs);
}
