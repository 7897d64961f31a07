using PracticeBot.Adapters.Reviews.Email;
using PracticeBot.Adapters.Reviews.Email.Parsers;

namespace PracticeBot.Adapters.Reviews.Tests.Email;

/// <summary>Each sender's parser on a sample alert the project wrote: source, rating, text, link, date and id.</summary>
public sealed class AlertParserTests
{
    private static readonly EmailAlertReader Reader = new(EmailAlertReader.AllParsers);

    private static Core.Reviews.Sources.SourcedReview Parse(string sample)
    {
        var reading = Reader.Read(EmailSamples.Load(sample), _ => "sunrise");
        Assert.True(reading.Kind == EmailReadingKind.Review, $"{sample}: {reading.Kind} ({reading.Problem})");
        return reading.Review!;
    }

    [Fact]
    public void Healthgrades_TextPart_GivesStarsQuotedTextLinkAndTheSitesId()
    {
        var review = Parse("healthgrades-new-review.eml");

        Assert.Equal(("healthgrades", "HG-58213", 4), (review.Source, review.ExternalId, review.Rating));
        Assert.Equal("The staff were friendly and Dr. Rivera explained the treatment plan clearly. The wait in the lobby was about 30 minutes.", review.Text);
        Assert.Equal("https://www.healthgrades.com/providerreviews/alex-rivera-x7k2p?reviewId=HG-58213", review.Url);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 15, 4, 9, TimeSpan.Zero), review.CreatedAt);
        Assert.Null(review.Recommendation);
    }

    [Fact]
    public void Vitals_RatingOutOfFive_AndTheReviewIdFromItsLink()
    {
        var review = Parse("vitals-new-review.eml");

        Assert.Equal(("vitals", "vitals-774412", 2), (review.Source, review.ExternalId, review.Rating));
        Assert.Equal("Front desk lost my referral twice and nobody called me back about it.", review.Text);
        Assert.Equal("https://www.vitals.com/doctors/Dr_Alex_Rivera/reviews/774412", review.Url);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 14, 41, 55, TimeSpan.Zero), review.CreatedAt);
    }

    [Fact]
    public void RateMds_FourScores_AverageRoundedHalfUp()
    {
        var review = Parse("ratemds-new-rating.eml");

        Assert.Equal(("ratemds", "rating-9928113", 3), (review.Source, review.ExternalId, review.Rating)); // (3+1+4+4)/4 = 3
        Assert.Equal("Good doctor but I always wait over an hour past my appointment time.", review.Text);
        Assert.StartsWith("https://www.ratemds.com/doctor-ratings/3391045/", review.Url, StringComparison.Ordinal);
    }

    [Fact]
    public void Zocdoc_HtmlOnly_CurlyQuotesAndEntitiesDecoded()
    {
        var review = Parse("zocdoc-new-review.eml");

        Assert.Equal(("zocdoc", "ZD-4471902", 5), (review.Source, review.ExternalId, review.Rating));
        Assert.Equal("Easy to book, short wait and a thorough exam. Dr. Rivera answered all my questions.", review.Text);
        Assert.Equal("https://www.zocdoc.com/provider/reviews/alex-rivera-md-481516?reviewId=ZD-4471902&utm_source=email", review.Url);
    }

    [Fact]
    public void Google_HtmlAlert_GivesReviewerStarsTextAndReplyLink()
    {
        var review = Parse("google-new-review.eml");

        Assert.Equal(("google", "email-AbFvOqnR1x9kQ2", 1, "Jordan P."), (review.Source, review.ExternalId, review.Rating, review.Author));
        Assert.Equal("Rude receptionist and I was charged for a visit that insurance should have covered.", review.Text);
        Assert.Equal("https://business.google.com/reviews/l/08123456789012345678?review=AbFvOqnR1x9kQ2", review.Url);
    }

    [Fact]
    public void AnotherMessageFromTheSitesDomain_IsUnparsedWithTheReason()
    {
        var reading = Reader.Read(EmailSamples.Load("newsletter-not-an-alert.eml"), _ => "sunrise");

        Assert.Equal((EmailReadingKind.Unparsed, "sunrise", "healthgrades"), (reading.Kind, reading.PracticeSlug, reading.Source));
        Assert.Equal("no star rating from 1 to 5 found in this healthgrades alert", reading.Problem);
    }

    [Fact]
    public void AlertWithoutTheSitesId_GetsAStableIdFromItsMessageId()
    {
        var message = EmailSamples.Load("vitals-new-review.eml");
        var body = Assert.IsType<MimeKit.TextPart>(message.Body);
        body.Text = body.Text.Replace("https://www.vitals.com/doctors/Dr_Alex_Rivera/reviews/774412", "", StringComparison.Ordinal);

        var first = Reader.Read(message, _ => "sunrise").Review!;
        var again = Reader.Read(message, _ => "sunrise").Review!;

        Assert.StartsWith("msg-", first.ExternalId, StringComparison.Ordinal);
        Assert.Equal(first.ExternalId, again.ExternalId);
        Assert.Null(first.Url);
    }

    [Fact]
    public void Parsers_EachClaimOnlyItsOwnSender()
    {
        string[] senders = ["noreply@healthgrades.com", "reviews@vitals.com", "noreply@ratemds.com", "no-reply@zocdoc.com", "businessprofile-noreply@google.com"];
        foreach (var parser in EmailAlertReader.AllParsers)
        {
            Assert.Single(senders, parser.Sends);
            Assert.False(parser.Sends("noreply@healthgrades.com.evil.example"));
            Assert.False(parser.Sends("someone@example.com"));
        }
    }
}
