using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Reviews;

namespace PracticeBot.Core.CheckIns;

/// <summary>Nudge messages (pure): what, since when, and one obvious next step, with buttons that do it.</summary>
public static class NudgeTexts
{
    public static OutboundMessage ToOwner(Stall stall, string subject, int level)
    {
        var lead = level == NudgeLadder.Owner ? "A friendly nudge from the weekly check-in:" : "Still stuck a week later:";
        var text = $"{lead} {stall.What} {NextStep(stall)}";
        var buttons = Buttons(stall, subject);
        return new OutboundMessage(text, buttons.Count == 0 ? Card.Of(new SectionBlock(text)) : Card.Of(new SectionBlock(text), new ActionsBlock(buttons)));
    }

    public static OutboundMessage ToManager(Stall stall, string subject, IReadOnlyList<Member> owners)
    {
        var who = owners.Count == 0 ? "" : $" ({string.Join(", ", owners.Select(o => o.Mention))} had a nudge last week.)";
        var text = $"Stalled for two weeks now: {stall.What}{who} {NextStep(stall)}";
        var buttons = stall.IsPosting ? [new CardButton("Pause the plan for 2 weeks", CheckInActions.PausePlan, subject)] : new List<CardButton>();
        return new OutboundMessage(text, buttons.Count == 0 ? Card.Of(new SectionBlock(text)) : Card.Of(new SectionBlock(text), new ActionsBlock(buttons)));
    }

    public static OutboundMessage ToChannel(Stall stall, IReadOnlyList<Member> owners)
    {
        var with = owners.Count == 0 ? "" : $" {string.Join(", ", owners.Select(o => o.Mention))} could use a hand.";
        return OutboundMessage.Plain($"Three weeks stuck: {stall.What}{with} {NextStep(stall)}");
    }

    public static string NextStep(Stall stall) => stall.Rule switch
    {
        StallRule.PostsBelowPlan or StallRule.NoRecentPost => "One short post today gets it going again; `posting ideas` has suggestions.",
        StallRule.NoActiveVolunteers => "Ask a teammate to `posting volunteer`, or pause the plan for two weeks.",
        StallRule.ReviewOverdue when stall.OwnerMemberId is null => $"`review claim {stall.ReviewNumber}` to take it.",
        StallRule.ReviewOverdue or StallRule.ClaimUntouched => $"`review reply {stall.ReviewNumber}` when you're ready, or hand it over.",
        _ => "`practice sources` shows what went wrong.",
    };

    private static List<CardButton> Buttons(Stall stall, string subject) => stall.Rule switch
    {
        StallRule.PostsBelowPlan or StallRule.NoRecentPost =>
        [
            new CardButton("I'll post today", CheckInActions.WillPost, subject, ButtonStyle.Primary),
            new CardButton("Pause the plan for 2 weeks", CheckInActions.PausePlan, subject),
        ],
        StallRule.NoActiveVolunteers => [new CardButton("Pause the plan for 2 weeks", CheckInActions.PausePlan, subject)],
        StallRule.ReviewOverdue when stall.OwnerMemberId is null => [new CardButton("Claim", ReviewActions.Claim, $"{stall.ReviewNumber}", ButtonStyle.Primary)],
        StallRule.ReviewOverdue or StallRule.ClaimUntouched => [new CardButton("Hand it over", ReviewActions.Release, $"{stall.ReviewNumber}")],
        _ => [],
    };
}
