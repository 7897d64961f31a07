using System.Text.RegularExpressions;

namespace PracticeBot.Adapters.Reviews.Email.Parsers;

/// <summary>
/// Healthgrades' "new patient review" alert (from <c>@healthgrades.com</c>): "Rating: 4 out of 5 stars", the review in
/// quotes, and "See the review: https://www.healthgrades.com/providerreviews/…?reviewId=HG-…".
/// </summary>
public sealed partial class HealthgradesAlertParser : IEmailAlertParser
{
    public string Source => "healthgrades";

    public bool Sends(string address) => AlertFields.OnDomain(address, "healthgrades.com");

    public AlertParse Parse(AlertText alert)
    {
        var link = alert.LinkOn("healthgrades.com", "/providerreviews/");
        return AlertFields.Review(Source, alert, AlertFields.Number(Stars(), alert.Text), AlertFields.QuotedText(alert.Text), link,
            AlertFields.Query(link, "reviewId"));
    }

    [GeneratedRegex(@"\b([1-5])\s+out\s+of\s+5\s+stars?", RegexOptions.IgnoreCase)]
    private static partial Regex Stars();
}
