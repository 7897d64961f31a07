namespace PracticeBot.Core.Reviews;

/// <summary>
/// How a review reached the bot. Only a review <see cref="Polled"/> from one of the practice's own connected source
/// locations may be answered through that source's API; everything else is answered by hand and marked replied.
/// </summary>
public enum ReviewOrigin
{
    /// <summary>Stored before the origin was recorded: treated like a pushed review until a poll of the source sees it.</summary>
    Unknown = 0,
    /// <summary>Read by the bot from a source location configured for the practice (Google, Yelp, Facebook).</summary>
    Polled = 1,
    /// <summary>Pushed to <c>POST /api/reviews/webhook</c>: what it claims (source, external id) is the sender's word.</summary>
    Webhook = 2,
    /// <summary>Imported from a CSV file.</summary>
    Csv = 3,
    /// <summary>The demo practice's bundled feed.</summary>
    Demo = 4,
    /// <summary>Parsed from a review site's alert e-mail forwarded to the bot's mailbox: tracked, never answered through an API.</summary>
    Email = 5,
}
