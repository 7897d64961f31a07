using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Reviews.Sources;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Practices.Onboarding;

/// <summary>Where setup stands: read fresh for each showing of the guide.</summary>
/// <param name="ChannelValue">The channel the bot was added to, for the first step's button (<see cref="SetupGuideActions.ChannelValue"/>).</param>
public sealed record SetupState(
    Practice? Practice,
    string ChannelValue,
    IReadOnlyList<Member> People,
    bool HasSource,
    PostingPlan? Plan)
{
    public bool Named => Practice is not null;

    public bool HasChannel => Practice?.Channel is not null;

    public bool HasResponder => People.Any(m => (m.Roles & Role.Responder) != 0);

    public bool Planned => Plan is { Paused: false, PostsPerWeek: > 0 };

    /// <summary>Every step done: the practice can take reviews and run its posting rotation.</summary>
    public bool Complete => Named && HasChannel && HasResponder && HasSource && Planned;

    public static async Task<SetupState> LoadAsync(
        PracticeBotDb db, IEnumerable<IReviewSource> sources, Practice? practice, string channelValue, CancellationToken ct)
    {
        if (practice is null)
        {
            return new SetupState(null, channelValue, [], false, null);
        }

        var people = await db.Members.Where(m => m.PracticeId == practice.Id && m.Roles != Role.None).OrderBy(m => m.DisplayName).ToListAsync(ct);
        var hasSource = sources.Any(s => s.Serves(practice))
            || practice.Settings.ProtectedWebhookSecret is not null
            || await db.Reviews.AnyAsync(r => r.PracticeId == practice.Id, ct);
        var plan = await db.PostingPlans.SingleOrDefaultAsync(p => p.PracticeId == practice.Id, ct);
        return new SetupState(practice, channelValue, people, hasSource, plan);
    }
}

/// <summary>
/// The guided setup the person who added the bot gets in a one-to-one chat: each step with what is done, what is
/// next, a button (a short form where it asks for something) and the command that does the same.
/// </summary>
public static class SetupGuide
{
    private const string Done = "✅";
    private const string Todo = "▫️";

    public static OutboundMessage Card(SetupState state, string? lead = null)
    {
        var practice = state.Practice;
        var blocks = new List<CardBlock> { new HeaderBlock("Set up PracticeBot") };
        if (lead is not null)
        {
            blocks.Add(new SectionBlock(lead));
        }

        blocks.Add(Step(1, "Name and time zone", state.Named,
            practice is null
                ? "Tell me the practice's name and time zone. Review cards will go to the channel you added me to."
                : $"*{OutsideText.Mark(practice.Name)}* · {practice.TimeZone} · id `{practice.Slug}`",
            "practice setup \"Sunrise Family Medicine\" America/Chicago"));
        if (practice is null)
        {
            blocks.Add(new ActionsBlock([new CardButton("Set name and time zone", SetupGuideActions.Start, state.ChannelValue, ButtonStyle.Primary)]));
        }

        blocks.Add(Step(2, "Channel for review cards", state.HasChannel,
            state.HasChannel ? "Review cards and the weekly check-in go to the channel you set up in." : "The channel you added me to, once step 1 is done.",
            "practice set channel here"));
        blocks.Add(Step(3, "First roles", state.HasResponder,
            practice is null ? "You become the manager; then add who answers reviews and who posts." : People(state),
            "practice role @someone responder"));
        if (practice is not null && !state.HasResponder)
        {
            blocks.Add(new ActionsBlock([
                new CardButton("I answer reviews too", SetupGuideActions.TakeRole, "responder", ButtonStyle.Primary),
                new CardButton("I post too", SetupGuideActions.TakeRole, "poster"),
            ]));
        }

        blocks.Add(Step(4, "Connect a review source", state.HasSource,
            state.HasSource
                ? "Reviews can reach the practice (`practice sources` shows how they are doing)."
                : "Google, Yelp and Facebook are connected by your administrator; any other site can post to the review webhook, or you can import a CSV file.",
            ReviewSourceCommands.Sources.Words));
        if (practice is not null && !state.HasSource)
        {
            blocks.Add(new ActionsBlock([new CardButton("How to connect one", SetupGuideActions.Source, "")]));
        }

        blocks.Add(Step(5, "Posting plan", state.Planned,
            state.Plan is { Paused: false } plan
                ? $"{plan.PostsPerWeek} post{(plan.PostsPerWeek == 1 ? "" : "s")} a week{(plan.Networks.Count > 0 ? " on " + string.Join(", ", plan.Networks) : "")}; volunteers take turns."
                : "How many posts a week, and where; volunteers then take turns.",
            "posting plan 3/week facebook"));
        if (practice is not null && !state.Planned)
        {
            blocks.Add(new ActionsBlock([new CardButton("Plan posts", SetupGuideActions.Plan, "")]));
        }

        blocks.Add(new ContextBlock([Next(state)]));
        return new OutboundMessage(lead ?? "Set up PracticeBot", new Card(blocks));
    }

    /// <summary>The name and time zone form: it opens as a modal on Slack, as card inputs on Teams.</summary>
    public static OutboundMessage NameForm(string channelValue) => new(
        "Set up the practice",
        Conversation.Messages.Card.Of(
            new HeaderBlock("Name and time zone"),
            new TextInputBlock(SetupGuideActions.NameInput, "Practice name", Placeholder: "Sunrise Family Medicine"),
            new TextInputBlock(SetupGuideActions.TimeZoneInput, "Time zone (IANA id)", Placeholder: "America/Chicago"),
            new ActionsBlock([new CardButton("Set up", SetupGuideActions.Create, channelValue, ButtonStyle.Primary)])));

    /// <summary>The posting plan form.</summary>
    public static OutboundMessage PlanForm() => new(
        "Plan posts",
        Conversation.Messages.Card.Of(
            new HeaderBlock("Posting plan"),
            new TextInputBlock(SetupGuideActions.PostsInput, $"Posts a week (1 to {PlanShape.MaxPerWeek})", InitialValue: "3"),
            new TextInputBlock(SetupGuideActions.NetworksInput, $"Where ({string.Join(", ", PostingCommands.Networks)})", InitialValue: "facebook"),
            new ActionsBlock([new CardButton("Save plan", SetupGuideActions.SavePlan, "", ButtonStyle.Primary)])));

    private static SectionBlock Step(int number, string title, bool done, string text, string command) =>
        new($"{(done ? Done : Todo)} *{number}. {title}*\n{text}\n_By command:_ `{command}`");

    private static string People(SetupState state)
    {
        string Of(Role role) => state.People.Where(m => (m.Roles & role) != 0).Select(m => m.Mention) is var list && list.Any() ? string.Join(", ", list) : "nobody yet";
        return $"Managers: {Of(Role.Manager)} · Responders: {Of(Role.Responder)} · Posters: {Of(Role.Poster)}";
    }

    private static string Next(SetupState state) => state switch
    {
        { Named: false } => "Next: step 1, the practice's name and time zone.",
        { HasResponder: false } => "Next: step 3, someone who answers reviews.",
        { HasSource: false } => "Next: step 4, a review source.",
        { Planned: false } => "Next: step 5, a posting plan.",
        _ => "All set: the practice is ready. Type `help` any time to see everything I do.",
    };
}
