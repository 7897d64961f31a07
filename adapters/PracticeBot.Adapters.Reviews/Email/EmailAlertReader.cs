using MimeKit;
using PracticeBot.Adapters.Reviews.Email.Parsers;
using PracticeBot.Core.Reviews.Sources;

namespace PracticeBot.Adapters.Reviews.Email;

/// <summary>
/// Reads one message of the alert mailbox (pure): which practice it belongs to and what review it brings.
/// <para>
/// The practice is decided by one address only, the forwarding address: <c>Resent-From</c> (a redirect), else the
/// first address of <c>X-Forwarded-For</c> (an automatic forward), else <c>From</c> (a forward as attachment, or an
/// alert sent straight to the mailbox). That address must be in exactly one practice's <c>AcceptFrom</c> (the
/// configuration refuses an address listed twice); otherwise the message is rejected and nothing of it is ingested.
/// There is no fallback to another header, so a message can never reach a practice through an address it did not list.
/// </para>
/// <para>
/// The alert is the message itself when a parser knows its sender, else the first attached message (a forward as
/// attachment); the parser of that alert's sender reads it. No parser, or a parser that finds no review: unparsed.
/// </para>
/// </summary>
public sealed class EmailAlertReader(IEnumerable<IEmailAlertParser> parsers)
{
    private readonly IReadOnlyList<IEmailAlertParser> _parsers = parsers.ToList();

    public static IReadOnlyList<IEmailAlertParser> AllParsers { get; } =
        [new HealthgradesAlertParser(), new VitalsAlertParser(), new RateMdsAlertParser(), new ZocdocAlertParser(), new GoogleAlertParser()];

    /// <param name="practiceOf">The practice slug that accepts a forwarding address (lower-case), or null.</param>
    public EmailReading Read(MimeMessage message, Func<string, string?> practiceOf)
    {
        var sender = ForwardingAddress(message);
        if (sender is null)
        {
            return new EmailReading(EmailReadingKind.Rejected, null, null, null, "the message names no sender");
        }

        if (practiceOf(sender) is not { } slug)
        {
            return new EmailReading(EmailReadingKind.Rejected, sender, null, null, $"{sender} is not an address any practice accepts alerts from");
        }

        var (alert, parser) = Alert(message);
        if (parser is null)
        {
            return new EmailReading(EmailReadingKind.Unparsed, sender, slug, null,
                "not an alert PracticeBot reads (Healthgrades, Vitals, RateMDs, Zocdoc, Google): forward the alert as it is, or as an attachment");
        }

        var parse = parser.Parse(AlertText.Of(alert));
        return parse.Review is { } review
            ? new EmailReading(EmailReadingKind.Review, sender, slug, review, null)
            : new EmailReading(EmailReadingKind.Unparsed, sender, slug, null, parse.Problem) { Source = parser.Source };
    }

    /// <summary>The one address that decides the practice, lower-case.</summary>
    public static string? ForwardingAddress(MimeMessage message)
    {
        if (message.ResentFrom.Mailboxes.FirstOrDefault() is { } resent)
        {
            return resent.Address.ToLowerInvariant();
        }

        if (message.Headers[XForwardedFor] is { Length: > 0 } forwarded)
        {
            var first = forwarded.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim('<', '>');
            return first is not null && MailboxAddress.TryParse(first, out var address) ? address.Address.ToLowerInvariant() : null;
        }

        return message.From.Mailboxes.FirstOrDefault()?.Address.ToLowerInvariant();
    }

    private const string XForwardedFor = "X-Forwarded-For";

    private (MimeMessage Alert, IEmailAlertParser? Parser) Alert(MimeMessage message)
    {
        if (ParserFor(message) is { } own)
        {
            return (message, own);
        }

        foreach (var part in message.BodyParts.OfType<MessagePart>())
        {
            if (part.Message is { } attached && ParserFor(attached) is { } parser)
            {
                return (attached, parser);
            }
        }

        return (message, null);
    }

    private IEmailAlertParser? ParserFor(MimeMessage message) =>
        message.From.Mailboxes.FirstOrDefault()?.Address.ToLowerInvariant() is { } from ? _parsers.FirstOrDefault(p => p.Sends(from)) : null;
}

public enum EmailReadingKind
{
    Review,
    Unparsed,
    Rejected,
}

/// <summary>What <see cref="EmailAlertReader.Read"/> made of a message. <see cref="Problem"/> never quotes its content.</summary>
public sealed record EmailReading(EmailReadingKind Kind, string? Sender, string? PracticeSlug, SourcedReview? Review, string? Problem)
{
    /// <summary>The source the alert came from, when a parser recognised it.</summary>
    public string? Source { get; init; } = Review?.Source;
}
