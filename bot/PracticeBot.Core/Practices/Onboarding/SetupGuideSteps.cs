using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Reviews.Sources;
using PracticeBot.Core.Storage;

namespace PracticeBot.Core.Practices.Onboarding;

/// <summary>
/// The setup guide's buttons and forms. Each step does what its command does (the practice is created by
/// <see cref="SetupPractice"/>, the plan set by <see cref="SetPostingPlan"/>, both with their checks and audit), then
/// answers with the guide again: what is done and what is next.
/// </summary>
public sealed class SetupGuideSteps(
    PracticeBotDb db,
    SetupPractice setup,
    OutboxWriter outbox,
    IEnumerable<IReviewSource> sources,
    IWebhookSecretVault? secrets = null) : IBotHandler<ActionInvoked>
{
    public async ValueTask HandleAsync(ActionInvoked action, TurnContext turn, CancellationToken cancellationToken)
    {
        switch (action.ActionId)
        {
            case SetupGuideActions.Start when turn.Practice is null:
                turn.Reply(SetupGuide.NameForm(action.Value));
                return;
            case SetupGuideActions.Create when turn.Practice is null:
                await CreateAsync(action, turn, cancellationToken);
                return;
            case SetupGuideActions.TakeRole:
                await TakeRoleAsync(action.Value, turn, cancellationToken);
                return;
            case SetupGuideActions.Source:
                ShowSourceSetup(turn);
                await ShowAsync(turn, null, cancellationToken);
                return;
            case SetupGuideActions.Plan:
                turn.Reply(SetupGuide.PlanForm());
                return;
            case SetupGuideActions.SavePlan:
                await SavePlanAsync(action, turn, cancellationToken);
                return;
            default:
                // The guide itself, or a first step pressed again once the practice exists.
                await ShowAsync(turn, turn.Practice is { } done && action.ActionId != SetupGuideActions.Show
                    ? $"*{OutsideText.Mark(done.Name)}* is set up already."
                    : null, cancellationToken, action.Value);
                return;
        }
    }

    private async Task CreateAsync(ActionInvoked action, TurnContext turn, CancellationToken ct)
    {
        var chat = turn.Chat!;
        var name = action.Inputs.GetValueOrDefault(SetupGuideActions.NameInput)?.Trim().Trim('"', '\u201C', '\u201D').Trim() ?? "";
        var typedZone = action.Inputs.GetValueOrDefault(SetupGuideActions.TimeZoneInput)?.Trim() ?? "";
        string? zone = null;
        var problem = name.Length is 0 or > Settings.PracticeIdentitySettings.MaxNameLength
            ? $"A practice name needs 1 to {Settings.PracticeIdentitySettings.MaxNameLength} characters."
            : typedZone.Length > 0 && !TimeZones.TryNormalize(typedZone, out zone)
                ? $"`{Settings.SettingValues.Typed(typedZone)}` isn't a time zone I know. Use an IANA id such as `America/Chicago` or `Europe/London`."
                : null;
        if (problem is not null)
        {
            turn.Reply(new OutboundMessage(problem, Card.Of(
                new SectionBlock($"{problem} Nothing was set up yet."),
                new ActionsBlock([new CardButton("Try again", SetupGuideActions.Start, action.Value, ButtonStyle.Primary)]))));
            return;
        }

        var channel = SetupGuideActions.ChannelOf(action.Value, chat.Conversation) ?? chat.Conversation.WithoutThread();
        if (await setup.CreateAsync(turn, name, zone, channel, ct) is not { } practice)
        {
            return;
        }

        outbox.Enqueue(practice.Id, MessageTarget.Channel(channel), OutboundMessage.Plain(
            $"*{OutsideText.Mark(practice.Name)}* is set up (time zone {practice.TimeZone}). {chat.User.Mention} is the manager; " +
            "review cards and the weekly check-in will come to this channel. Type `help` to see what I do."));
        await ShowAsync(turn, $"{"✅"} *{OutsideText.Mark(practice.Name)}* is set up, with you as its manager.", ct);
    }

    private async Task TakeRoleAsync(string value, TurnContext turn, CancellationToken ct)
    {
        var member = turn.Member!;
        if (!RoleNames.TryParse(value, out var role) || role is not (Role.Responder or Role.Poster))
        {
            await ShowAsync(turn, null, ct);
            return;
        }

        if ((member.Roles & role) == 0)
        {
            member.Roles |= role;
            turn.Audit("member.role.granted", $"member:{member.Mention}", RoleNames.Describe(role));
        }

        await ShowAsync(turn, $"✅ You are a {RoleNames.Describe(role)} too. Add others with `practice role @someone {RoleNames.Describe(role)}`.", ct);
    }

    /// <summary>The ways reviews reach the practice today, with its webhook secret for the manager alone.</summary>
    private void ShowSourceSetup(TurnContext turn)
    {
        var practice = turn.Practice!;
        turn.Reply(new OutboundMessage("How to connect a review source", Card.Of(
            new HeaderBlock("Connect a review source"),
            new SectionBlock(
                "*Google, Yelp, Facebook*: your administrator connects them in the configuration (`Sources:Google:Practices:" + practice.Slug + "`, …); `practice sources` then shows them.\n" +
                $"*Any other site* (Healthgrades, Zapier, an email parser): it posts each review to the review webhook, `POST /api/reviews/webhook`, with practice id `{practice.Slug}`, signed with the secret I am sending you privately.\n" +
                "*A CSV file*: your administrator imports it with `import-reviews FILE`."),
            new ContextBlock(["See the Review sources page of the docs for the details."]))));
        if (secrets is not null)
        {
            turn.ReplySecret(new OutboundMessage($"The review webhook secret of {OutsideText.Mark(practice.Name)}", Card.Of(
                new SectionBlock("*Review webhook* (keep this secret)", [
                    new CardField("Secret for X-PracticeBot-Signature", $"`{secrets.RevealOrCreate(practice)}`"),
                    new CardField("Practice id", practice.Slug),
                ]))));
        }
    }

    private async Task SavePlanAsync(ActionInvoked action, TurnContext turn, CancellationToken ct)
    {
        var posts = action.Inputs.GetValueOrDefault(SetupGuideActions.PostsInput)?.Trim() ?? "";
        var networks = action.Inputs.GetValueOrDefault(SetupGuideActions.NetworksInput)?.Replace(',', ' ').Trim() ?? "";
        var parsed = posts.Length is > 0 and <= 3 && posts.All(char.IsAsciiDigit)
            ? CommandParser.Parse(CommandCatalog.Posting, $"{PostingCommands.Plan.Verb} {posts}/week {networks}")
            : null;
        if (parsed?.Command is not { } command)
        {
            var problem = parsed?.Error ?? $"Say how many posts a week, from 1 to {PlanShape.MaxPerWeek}.";
            turn.Reply(new OutboundMessage(problem, Card.Of(
                new SectionBlock($"{problem} No plan was saved."),
                new ActionsBlock([new CardButton("Try again", SetupGuideActions.Plan, "", ButtonStyle.Primary)]))));
            return;
        }

        // The command's own handler: the same checks, audit, rotation and triggers as `posting plan`.
        await turn.Services.GetRequiredService<SetPostingPlan>().HandleAsync(command, turn, ct);
        await ShowAsync(turn, null, ct);
    }

    private async Task ShowAsync(TurnContext turn, string? lead, CancellationToken ct, string channelValue = "")
    {
        if (turn.Practice is not null)
        {
            await db.SaveChangesAsync(ct); // inside the turn's transaction: the guide reads what this step changed
        }

        var state = await SetupState.LoadAsync(db, sources, turn.Practice, channelValue, ct);
        turn.Reply(SetupGuide.Card(state, lead));
    }
}
