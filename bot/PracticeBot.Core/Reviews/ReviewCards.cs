using System.Globalization;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Practices;

namespace PracticeBot.Core.Reviews;

/// <summary>
/// Builds the neutral card of a review (pure): what matters at a glance, and the buttons that fit its state. Everything
/// the review brought with it (text, author, location, an unknown source's name) is <see cref="OutsideText"/>.
/// </summary>
public static class ReviewCards
{
    private const int ExcerptLength = 140;
    /// <summary>Longer texts are trimmed on the card; the Open button leads to the whole review.</summary>
    public const int CardTextLength = 700;

    private static readonly Dictionary<string, string> SourceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["google"] = "Google",
        ["yelp"] = "Yelp",
        ["facebook"] = "Facebook",
        ["healthgrades"] = "Healthgrades",
        ["vitals"] = "Vitals",
        ["ratemds"] = "RateMDs",
        ["zocdoc"] = "Zocdoc",
        ["webhook"] = "Webhook",
    };

    /// <param name="draftVersion">
    /// The <see cref="ReviewReply.Version"/> of the current reply: its Publish and Approve buttons act on that text only.
    /// </param>
    public static OutboundMessage Card(Review review, Member? claimedBy, DateTimeOffset now, string? draftVersion = null)
    {
        var context = new List<string> { State(review, claimedBy), $"written {review.CreatedAt:yyyy-MM-dd} ({Ago(review.CreatedAt, now)})" };
        if (review.Edited)
        {
            context.Add("edited by the reviewer");
        }

        if (review.SuspectedAbuse)
        {
            context.Add("⚠ looks abusive or like trolling: consider reporting it to the platform rather than replying");
        }

        var blocks = new List<CardBlock>
        {
            new HeaderBlock($"#{review.Number} · {Score(review)} · {SourceName(review.Source)}{(review.Urgent ? " · URGENT" : "")}"),
            new SectionBlock(CardText(review), Fields(review)),
            new ContextBlock(context),
        };
        if (Buttons(review, draftVersion) is { Count: > 0 } buttons)
        {
            blocks.Add(new ActionsBlock(buttons));
        }

        var fallback = $"Review #{review.Number}: {Score(review)} on {SourceName(review.Source)} — {State(review, claimedBy)}";
        return new OutboundMessage(fallback, new Card(blocks), ReviewActions.CardKey(review.Number));
    }

    /// <summary>One line per review for listings.</summary>
    public static string Line(Review review, Member? claimedBy, DateTimeOffset now) =>
        $"*#{review.Number}* {Score(review)} {SourceName(review.Source)} — {Excerpt(review.Text)} _({State(review, claimedBy)}, {Ago(review.CreatedAt, now)})_";

    public static string Score(Review review) => review.Rating is { } stars
        ? new string('★', Math.Clamp(stars, 0, 5)) + new string('☆', 5 - Math.Clamp(stars, 0, 5))
        : review.IsNegative ? "not recommended" : "recommended";

    /// <summary>A known source's proper name, or the source as the review arrived with it, marked as outside text.</summary>
    public static string SourceName(string source) => SourceNames.TryGetValue(source, out var name) ? name : OutsideText.Mark(source);

    private static List<CardField> Fields(Review review)
    {
        var fields = new List<CardField> { new("From", string.IsNullOrWhiteSpace(review.Author) ? "anonymous" : OutsideText.Mark(review.Author)) };
        if (!string.IsNullOrWhiteSpace(review.Location))
        {
            fields.Add(new CardField("Location", OutsideText.Mark(review.Location)));
        }

        var categories = review.Categories is { Count: > 0 } all ? all : review.Category is { } one ? [one] : [];
        if (categories.Count > 0)
        {
            fields.Add(new CardField("About", string.Join(", ", categories.Select(c => c.Replace('-', ' ')))));
        }

        return fields;
    }

    private static List<CardButton> Buttons(Review review, string? draftVersion)
    {
        var number = review.Number.ToString(CultureInfo.InvariantCulture);
        // Without a version (a card made for no reply) these buttons are refused as stale and answered with the current one.
        var draft = draftVersion is null ? number : ReviewReplies.VersionedValue(review.Number, draftVersion);
        // Escalating is for complaints: something may have gone wrong that operations should look into.
        var complaint = review.IsNegative || review.Rating is <= 3;
        List<CardButton> buttons = review.Status switch
        {
            ReviewStatus.New when !complaint && string.IsNullOrWhiteSpace(review.Text) =>
            [
                new CardButton("Claim", ReviewActions.Claim, number, ButtonStyle.Primary),
                new CardButton("No reply needed", ReviewActions.NoReplyNeeded, number),
            ],
            ReviewStatus.New => complaint
                ? [new CardButton("Claim", ReviewActions.Claim, number, ButtonStyle.Primary), new CardButton("Escalate", ReviewActions.Escalate, number, ButtonStyle.Danger)]
                : [new CardButton("Claim", ReviewActions.Claim, number, ButtonStyle.Primary)],
            ReviewStatus.Claimed =>
            [
                new CardButton("Draft reply", ReviewActions.Draft, number, ButtonStyle.Primary),
                new CardButton("Suggest reply", ReviewActions.Suggest, number),
                new CardButton("Release", ReviewActions.Release, number),
                .. complaint ? [new CardButton("Escalate", ReviewActions.Escalate, number)] : Array.Empty<CardButton>(),
            ],
            ReviewStatus.Drafted =>
            [
                new CardButton("Publish", ReviewActions.Publish, draft, ButtonStyle.Primary),
                new CardButton("Edit draft", ReviewActions.Draft, number),
                new CardButton("Release", ReviewActions.Release, number),
            ],
            ReviewStatus.AwaitingApproval =>
            [
                new CardButton("Approve", ReviewActions.Approve, draft, ButtonStyle.Primary),
                new CardButton("Reject", ReviewActions.Reject, number, ButtonStyle.Danger),
            ],
            ReviewStatus.Approved => [new CardButton("Publish", ReviewActions.Publish, draft, ButtonStyle.Primary)],
            ReviewStatus.Publishing => [new CardButton("Cancel publishing", ReviewActions.CancelPublish, number, ButtonStyle.Danger)],
            _ => [],
        };
        if (review.Url is { Length: > 0 } url)
        {
            buttons.Add(new CardButton("Open", ReviewActions.Open, number, Url: url));
        }

        return buttons;
    }

    private static string CardText(Review review)
    {
        if (string.IsNullOrWhiteSpace(review.Text))
        {
            return "_(no text, rating only)_";
        }

        var text = review.Text!.Trim();
        return text.Length <= CardTextLength
            ? OutsideText.Mark(text)
            : $"{OutsideText.Mark(text[..CardTextLength].TrimEnd())}… _(trimmed: {(review.Url is null ? "the source has the rest" : "Open shows the whole review")})_";
    }

    private static string State(Review review, Member? claimedBy) => review.Status switch
    {
        ReviewStatus.New => review.IsNegative ? "new · needs a reply soon" : "new",
        ReviewStatus.Claimed => $"claimed by {Who(claimedBy)}",
        ReviewStatus.Drafted => $"draft by {Who(claimedBy)}",
        ReviewStatus.AwaitingApproval => "waiting for approval",
        ReviewStatus.Approved => "approved",
        ReviewStatus.Publishing => "publishing",
        ReviewStatus.Replied => "replied",
        ReviewStatus.Resolved => "resolved",
        ReviewStatus.Escalated => "escalated to operations",
        ReviewStatus.NoReplyNeeded => "no reply needed",
        _ => review.Status.ToString(),
    };

    private static string Who(Member? member) => member?.Mention ?? "someone";

    private static string Excerpt(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "_(rating only)_";
        }

        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= ExcerptLength ? $"“{OutsideText.Mark(flat)}”" : $"“{OutsideText.Mark(flat[..ExcerptLength].TrimEnd())}…”";
    }

    private static string Ago(DateTimeOffset then, DateTimeOffset now)
    {
        var age = now - then;
        return age switch
        {
            { TotalMinutes: < 1 } => "just now",
            { TotalHours: < 1 } => $"{(int)age.TotalMinutes} min ago",
            { TotalDays: < 1 } => $"{(int)age.TotalHours} h ago",
            _ => $"{(int)age.TotalDays} d ago",
        };
    }
}
