using MimeKit;
using PracticeBot.Adapters.Reviews.Email;

namespace PracticeBot.Adapters.Reviews.Tests.Email;

/// <summary>Which practice a message belongs to: decided by the forwarding address alone, never by a fallback.</summary>
public sealed class EmailAlertReaderTests
{
    private static readonly EmailAlertReader Reader = new(EmailAlertReader.AllParsers);

    private static readonly Dictionary<string, string> Accepted = new(StringComparer.OrdinalIgnoreCase)
    {
        ["frontdesk@sunrise-fm.example"] = "sunrise",
        ["office@lakeside.example"] = "lakeside",
    };

    private static EmailReading Read(MimeMessage message) => Reader.Read(message, a => Accepted.GetValueOrDefault(a));

    [Fact]
    public void GmailAutomaticForward_PracticeFromXForwardedFor()
    {
        var reading = Read(EmailSamples.Load("gmail-forwarded-healthgrades.eml"));

        Assert.Equal((EmailReadingKind.Review, "sunrise", "frontdesk@sunrise-fm.example"), (reading.Kind, reading.PracticeSlug, reading.Sender));
        Assert.Equal(("HG-58290", 1), (reading.Review!.ExternalId, reading.Review.Rating));
    }

    [Fact]
    public void Redirect_PracticeFromResentFrom()
    {
        var message = EmailSamples.Load("vitals-new-review.eml");
        message.ResentFrom.Add(new MailboxAddress("Lakeside office", "Office@Lakeside.example"));

        var reading = Read(message);

        Assert.Equal((EmailReadingKind.Review, "lakeside"), (reading.Kind, reading.PracticeSlug));
    }

    [Fact]
    public void ForwardAsAttachment_PracticeFromTheForwarder_ReviewFromTheAttachedAlert()
    {
        var forward = new MimeMessage();
        forward.From.Add(new MailboxAddress("Front desk", "frontdesk@sunrise-fm.example"));
        forward.To.Add(new MailboxAddress("", "reviews@practicebot.example"));
        forward.Subject = "Fwd: You received a new review on Vitals";
        forward.Body = new Multipart("mixed") { new TextPart("plain") { Text = "FYI" }, new MessagePart { Message = EmailSamples.Load("vitals-new-review.eml") } };

        var reading = Read(forward);

        Assert.Equal((EmailReadingKind.Review, "sunrise", "vitals-774412"), (reading.Kind, reading.PracticeSlug, reading.Review?.ExternalId));
    }

    [Fact]
    public void AlertSentStraightToTheMailbox_IsRejected_TheSiteIsNoPracticesAddress()
    {
        var reading = Read(EmailSamples.Load("healthgrades-new-review.eml"));

        Assert.Equal((EmailReadingKind.Rejected, null, null), (reading.Kind, reading.PracticeSlug, reading.Review));
        Assert.Contains("noreply@healthgrades.com is not an address any practice accepts", reading.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownForwarder_IsRejected_EvenWhenAKnownAddressAppearsInOtherHeaders()
    {
        var message = EmailSamples.Load("gmail-forwarded-healthgrades.eml");
        message.Headers.Replace("X-Forwarded-For", "stranger@elsewhere.example reviews@practicebot.example");
        message.From.Clear();
        message.From.Add(new MailboxAddress("Front desk", "frontdesk@sunrise-fm.example"));
        message.ReplyTo.Add(new MailboxAddress("", "office@lakeside.example"));

        var reading = Read(message);

        Assert.Equal((EmailReadingKind.Rejected, null), (reading.Kind, reading.PracticeSlug));
        Assert.Equal("stranger@elsewhere.example", reading.Sender);
    }

    [Fact]
    public void KnownForwarder_MessageNoParserKnows_IsUnparsedForThatPractice()
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Front desk", "frontdesk@sunrise-fm.example"));
        message.Subject = "Fwd: new review";
        message.Body = new TextPart("plain") { Text = "---------- Forwarded message ---------\nFrom: Healthgrades <noreply@healthgrades.com>\n..." };

        var reading = Read(message);

        Assert.Equal((EmailReadingKind.Unparsed, "sunrise", null), (reading.Kind, reading.PracticeSlug, reading.Source));
        Assert.Contains("forward the alert as it is, or as an attachment", reading.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_AnAddressListedForTwoPractices_StopsTheStart()
    {
        var options = new EmailSourceOptions
        {
            Host = "imap.example.com", User = "u", Password = "p",
            Practices = new()
            {
                ["sunrise"] = new() { AcceptFrom = ["frontdesk@sunrise-fm.example"] },
                ["lakeside"] = new() { AcceptFrom = ["FrontDesk@sunrise-fm.example"] },
            },
        };

        Assert.Contains(options.Problems(), p => p.Contains("frontdesk@sunrise-fm.example is accepted by both sunrise and lakeside", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Options_PlainTextToARemoteServer_StopsTheStart()
    {
        var remote = new EmailSourceOptions { Host = "imap.example.com", User = "u", Password = "p", Tls = EmailTls.None };
        var local = new EmailSourceOptions { Host = "127.0.0.1", User = "u", Password = "p", Tls = EmailTls.None };

        Assert.Contains(remote.Problems(), p => p.Contains("Tls None sends the password in clear", StringComparison.Ordinal));
        Assert.Empty(local.Problems());
    }
}
