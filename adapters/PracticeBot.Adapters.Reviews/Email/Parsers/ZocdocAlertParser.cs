using System.Text.RegularExpressions;

namespace PracticeBot.Adapters.Reviews.Email.Parsers;

/// <summary>
/// Zocdoc's verified-patient review alert (from <c>@zocdoc.com</c>): "Overall rating: 5", the review in quotes, and
/// "View review: https://www.zocdoc.com/…?reviewId=ZD-…".
/// </summary>
public sealed partial class ZocdocAlertParser : IEmailAlertParser
{
    public string Source => "zocdoc";

    public bool Sends(string address) => AlertFields.OnDomain(address, "zocdoc.com");

    public AlertParse Parse(AlertText alert)
    {
        var link = alert.LinkOn("zocdoc.com");
        return AlertFields.Review(Source, alert, AlertFields.Number(Overall(), alert.Text), AlertFields.QuotedText(alert.Text), link,
            AlertFields.Query(link, "reviewId"));
    }

    [GeneratedRegex(@"Overall rating:\s*([1-5])\b", RegexOptions.IgnoreCase)]
    private static partial Regex Overall();
}
