using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Sources;

namespace PracticeBot.Core.Tests.Reviews.Sources;

public sealed class IngestionRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 14, 3, 0, TimeSpan.Zero);

    private static Review Stored(string? text = "Long wait.", int? rating = 2) => new()
    {
        Source = "google", ExternalId = "g-1", Rating = rating, Text = text, Status = ReviewStatus.New, Origin = ReviewOrigin.Polled,
    };

    private static SourcedReview Incoming(string? text = "Long wait.", int? rating = 2, bool replied = false) =>
        new("google", "g-1", rating, null, "Maria G.", text, At, HasOwnerReply: replied);

    [Fact]
    public void Decide_NotStored_Creates() => Assert.Equal(IngestDecision.Create, IngestionRules.Decide(null, Incoming(), ReviewOrigin.Polled));

    [Fact]
    public void Decide_SameTextAndRating_IsUnchanged() => Assert.Equal(IngestDecision.Unchanged, IngestionRules.Decide(Stored(), Incoming(), ReviewOrigin.Polled));

    [Fact]
    public void Decide_OnlyWhitespaceDiffers_IsUnchanged() =>
        Assert.Equal(IngestDecision.Unchanged, IngestionRules.Decide(Stored("Long  wait.\n"), Incoming("Long wait."), ReviewOrigin.Polled));

    [Theory]
    [InlineData("Long wait, and rude.", 2)]
    [InlineData("Long wait.", 1)]
    [InlineData(null, 2)]
    public void Decide_TextOrRatingChanged_IsEdit(string? text, int rating) =>
        Assert.Equal(IngestDecision.Edit, IngestionRules.Decide(Stored(), Incoming(text, rating), ReviewOrigin.Polled));

    [Fact]
    public void Decide_OwnerReplyNewlySeen_IsOwnerReplyOnlyOnce()
    {
        var stored = Stored();
        Assert.Equal(IngestDecision.OwnerReply, IngestionRules.Decide(stored, Incoming(replied: true), ReviewOrigin.Polled));
        stored.RepliedOnSource = true;
        Assert.Equal(IngestDecision.Unchanged, IngestionRules.Decide(stored, Incoming(replied: true), ReviewOrigin.Polled));
    }

    [Fact]
    public void Decide_OlderVersionOfAStoredReview_IsUnchanged()
    {
        var stored = Stored("Second thoughts: fine.", 4);
        stored.CreatedAt = At;
        stored.SourceUpdatedAt = At.AddDays(2);

        var decision = IngestionRules.Decide(stored, Incoming("Long wait.", 1, replied: true) with { UpdatedAt = At.AddDays(1) }, ReviewOrigin.Polled);

        Assert.Equal(IngestDecision.Unchanged, decision);
    }

    [Fact]
    public void Decide_OlderBodyWithoutUpdatedAt_ComparesItsCreatedAt()
    {
        var stored = Stored("Second thoughts: fine.", 4);
        stored.CreatedAt = At;
        stored.SourceUpdatedAt = At.AddDays(2);

        Assert.Equal(IngestDecision.Unchanged, IngestionRules.Decide(stored, Incoming("Long wait.", 1), ReviewOrigin.Polled));
    }

    [Fact]
    public void Decide_NewerVersion_IsEdit()
    {
        var stored = Stored();
        stored.CreatedAt = At;
        stored.SourceUpdatedAt = At.AddDays(1);

        Assert.Equal(IngestDecision.Edit, IngestionRules.Decide(stored, Incoming("Long wait, and rude.") with { UpdatedAt = At.AddDays(2) }, ReviewOrigin.Polled));
    }

    [Theory]
    [InlineData(ReviewOrigin.Webhook)]
    [InlineData(ReviewOrigin.Csv)]
    public void Decide_PushedCopyOfAPolledReview_IsUnchanged(ReviewOrigin pushed)
    {
        var stored = Stored();

        var decision = IngestionRules.Decide(stored, Incoming("Replaced by a stranger.", 1, replied: true) with { UpdatedAt = At.AddYears(1) }, pushed);

        Assert.Equal(IngestDecision.Unchanged, decision);
    }

    [Fact]
    public void Decide_PolledCopyOfAPushedReview_AdoptsItWhateverTimeThePushedOneClaimed()
    {
        var stored = Stored("Pushed text.");
        stored.Origin = ReviewOrigin.Webhook;
        stored.SourceUpdatedAt = At.AddYears(100);

        var decision = IngestionRules.Decide(stored, Incoming("Long wait."), ReviewOrigin.Polled);

        Assert.Equal(IngestDecision.Adopt | IngestDecision.Edit, decision);
    }

    [Theory]
    [InlineData(ReviewStatus.New, ReviewStatus.Replied)]
    [InlineData(ReviewStatus.Drafted, ReviewStatus.Replied)]
    [InlineData(ReviewStatus.Resolved, ReviewStatus.Resolved)]
    [InlineData(ReviewStatus.Escalated, ReviewStatus.Escalated)]
    public void StatusAfterOwnerReply_OpenOrSettled_RepliedOrKept(ReviewStatus before, ReviewStatus after) =>
        Assert.Equal(after, IngestionRules.StatusAfterOwnerReply(before));

    [Theory]
    [InlineData("22:30", true)]
    [InlineData("03:00", true)]
    [InlineData("07:00", false)]
    [InlineData("12:00", false)]
    [InlineData("21:59", false)]
    public void InQuietHours_AcrossMidnight_CoversNightOnly(string local, bool quiet) =>
        Assert.Equal(quiet, IngestionRules.InQuietHours(TimeOnly.Parse(local, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(22, 0), new TimeOnly(7, 0)));

    [Fact]
    public void InQuietHours_NotConfigured_IsNeverQuiet() => Assert.False(IngestionRules.InQuietHours(new TimeOnly(3, 0), null, null));
}
