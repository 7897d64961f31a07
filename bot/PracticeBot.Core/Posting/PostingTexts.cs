using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Practices;

namespace PracticeBot.Core.Posting;

/// <summary>The words and cards of posting duty (pure): short, specific, encouraging.</summary>
public static class PostingTexts
{
    public const string NoPlan = "There's no posting plan yet. A manager can start one: `posting plan 3/week facebook instagram`.";

    public const string StaleButton = "That button belongs to an old message. `posting schedule` shows the current slots.";

    /// <summary><c>Wed 2 Dec on Facebook, due 12:00</c>.</summary>
    public static string Slot(PostingSlot slot, PostingPlan plan) =>
        $"{PlanShape.DateName(slot.Date)}{On(slot.Network)}, due {PlanShape.TimeName(plan.DueLocalTime)}";

    public static string On(string? network) => network is null ? "" : $" on {NetworkName(network)}";

    public static string NetworkName(string network) => network switch
    {
        "x" => "X",
        "linkedin" => "LinkedIn",
        "tiktok" => "TikTok",
        "youtube" => "YouTube",
        _ => string.Concat(network[..1].ToUpperInvariant(), network[1..]),
    };

    public static string Summary(PostingPlan plan, string timeZone) =>
        $"{plan.PostsPerWeek} post{(plan.PostsPerWeek == 1 ? "" : "s")} a week" +
        (plan.Networks.Count > 0 ? $" on {string.Join(", ", plan.Networks.Select(NetworkName))}" : "") +
        $" — {string.Join("/", plan.Weekdays.OrderBy(d => ((int)d + 6) % 7).Select(PlanShape.DayName))}, due {PlanShape.TimeName(plan.DueLocalTime)} ({timeZone})";

    public static IReadOnlyList<CardButton> SlotButtons(PostingSlot slot) =>
    [
        new("Done", PostingActions.Done, Id(slot), ButtonStyle.Primary),
        new("Skip", PostingActions.Skip, Id(slot)),
        new("Swap", PostingActions.Swap, Id(slot)),
    ];

    /// <summary>The DM to someone who was just given a slot by skip, opt-out or away.</summary>
    public static OutboundMessage Handed(PostingSlot slot, PostingPlan plan, string why)
    {
        var text = $"You're up to post on {Slot(slot, plan)} ({why}). Thanks for stepping in! I'll remind you the day before.";
        return new OutboundMessage(text, Card.Of(new SectionBlock(text), new ActionsBlock(SlotButtons(slot))));
    }

    /// <summary>The DM to an assignee of a rotation: the weekly one, or the first week's.</summary>
    /// <param name="thisWeek">The Monday of the practice's current week, to say "this week" or "next week".</param>
    public static OutboundMessage Assigned(Practice practice, IReadOnlyList<PostingSlot> slots, PostingPlan plan, DateOnly thisWeek)
    {
        var lines = string.Join("\n", slots.Select(s => $"• {Slot(s, plan)}"));
        var when = slots.All(s => s.Date >= thisWeek.AddDays(7)) ? "next week" : slots.All(s => s.Date < thisWeek.AddDays(7)) ? "this week" : "this week and next";
        var text = $"You're on posting duty for *{practice.Name}* {when} — thank you!\n{lines}\n" +
            "I'll remind you the day before and that morning, with an idea for what to post.";
        var blocks = new List<CardBlock> { new SectionBlock(text) };
        blocks.AddRange(slots.Select(s => new ActionsBlock(SlotButtons(s))));
        return new OutboundMessage(text, new Card(blocks));
    }

    /// <summary>The heading of the weekly rotation's announcement.</summary>
    public static string WeekHeading(DateOnly monday) => $"Posting rota — week of {PlanShape.DateName(monday)}";

    /// <summary>The heading of the first week's announcement, when slots are shared out at once.</summary>
    public const string StartsNowHeading = "Posting rota — starting now";

    /// <summary>The channel announcement of a rotation: who posts when.</summary>
    public static OutboundMessage Announcement(string heading, IReadOnlyList<PostingSlot> slots, PostingPlan plan, IReadOnlyDictionary<long, Member> members)
    {
        var lines = slots.Select(s => $"• {Slot(s, plan)} — " +
            (s.AssigneeMemberId is { } id && members.TryGetValue(id, out var m) ? m.Mention : "_nobody yet: who can take it? `posting volunteer`_"));
        var text = $"{heading}:\n{string.Join("\n", lines)}";
        return new OutboundMessage(text, Card.Of(
            new HeaderBlock(heading),
            new SectionBlock(string.Join("\n", lines)),
            new ContextBlock(["Thanks, everyone who volunteered! `posting schedule` shows the next two weeks."])));
    }

    public static OutboundMessage Reminder(PostingSlot slot, PostingPlan plan, PostIdea idea, bool dayBefore)
    {
        var lead = dayBefore
            ? $"Heads-up: you're posting tomorrow, {Slot(slot, plan)}."
            : $"Today's the day: your post{On(slot.Network)} is due at {PlanShape.TimeName(plan.DueLocalTime)}.";
        return new OutboundMessage($"{lead} Idea: {idea.Text}", Card.Of(
            new SectionBlock(lead),
            new SectionBlock($"*Idea ({idea.Category}):* {idea.Text}"),
            new ContextBlock(["When it's up: `posting done <link>` or the Done button. Can't make it? Skip or Swap."]),
            new ActionsBlock(SlotButtons(slot))));
    }

    public static OutboundMessage SwapProposal(PostingSwap swap, PostingSlot slot, PostingPlan plan, Member from)
    {
        var text = $"{from.Mention} asks if you can take their post on {Slot(slot, plan)}.";
        return new OutboundMessage(text, Card.Of(
            new SectionBlock(text),
            new ActionsBlock([
                new CardButton("Accept", PostingActions.AcceptSwap, swap.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ButtonStyle.Primary),
                new CardButton("Decline", PostingActions.DeclineSwap, swap.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ])));
    }

    public static string Id(PostingSlot slot) => slot.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
