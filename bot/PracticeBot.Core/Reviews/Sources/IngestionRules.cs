namespace PracticeBot.Core.Reviews.Sources;

/// <summary>The pure decisions of ingestion: is a sourced review new, edited, newly replied, or nothing new.</summary>
public static class IngestionRules
{
    private static readonly ReviewStatus[] Settled = [ReviewStatus.Replied, ReviewStatus.Resolved, ReviewStatus.Escalated, ReviewStatus.NoReplyNeeded];

    /// <param name="origin">How <paramref name="incoming"/> arrived.</param>
    public static IngestDecision Decide(Review? stored, SourcedReview incoming, ReviewOrigin origin)
    {
        if (stored is null)
        {
            return IngestDecision.Create;
        }

        var decision = IngestDecision.Unchanged;
        if (origin == ReviewOrigin.Polled && stored.Origin != ReviewOrigin.Polled)
        {
            // The source itself outranks whatever was pushed under its name, whatever time the pushed copy claimed.
            decision = IngestDecision.Adopt;
        }
        else if (IsPushed(origin) && !IsPushed(stored.Origin))
        {
            return IngestDecision.Unchanged; // a webhook or CSV body never changes a review read from a connected source
        }
        else if (Version(incoming) < Version(stored))
        {
            return IngestDecision.Unchanged; // an older copy (a delayed or replayed body) never replaces a newer one
        }

        if (stored.Rating != incoming.Rating
            || !string.Equals(stored.Recommendation, incoming.Recommendation, StringComparison.OrdinalIgnoreCase)
            || Flat(stored.Text) != Flat(incoming.Text))
        {
            decision |= IngestDecision.Edit;
        }

        if (incoming.HasOwnerReply && !stored.RepliedOnSource)
        {
            decision |= IngestDecision.OwnerReply;
        }

        return decision;
    }

    /// <summary>Pushed to the bot (webhook, CSV, alert e-mail), or stored before origins were recorded: the sender's word only.</summary>
    public static bool IsPushed(ReviewOrigin origin) => origin is ReviewOrigin.Webhook or ReviewOrigin.Csv or ReviewOrigin.Email or ReviewOrigin.Unknown;

    /// <summary>
    /// When this copy of the review was last changed, by the source's own clock: its update time, or its creation time
    /// when the source does not say. Ingestion orders copies by it, not by when they reached the bot.
    /// </summary>
    public static DateTimeOffset Version(SourcedReview review) => review.UpdatedAt ?? review.CreatedAt;

    public static DateTimeOffset Version(Review review) => review.SourceUpdatedAt ?? review.CreatedAt;

    /// <summary>The status a review takes when an owner reply is seen on the source; settled reviews keep theirs.</summary>
    public static ReviewStatus StatusAfterOwnerReply(ReviewStatus current) => Settled.Contains(current) ? current : ReviewStatus.Replied;

    /// <summary>Whitespace differences (a source re-wrapping lines) are not edits.</summary>
    public static string Flat(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "" : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// True when <paramref name="localTime"/> falls in quiet hours [start, end), which may span midnight; the time to
    /// deliver instead is the end of quiet hours.
    /// </summary>
    public static bool InQuietHours(TimeOnly localTime, TimeOnly? start, TimeOnly? end) =>
        start is { } s && end is { } e && s != e && (s < e ? localTime >= s && localTime < e : localTime >= s || localTime < e);
}
