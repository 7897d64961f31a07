using System.Globalization;
using System.Text.RegularExpressions;

namespace PracticeBot.Adapters.Reviews.Email.Parsers;

/// <summary>
/// RateMDs' new-rating alert (from <c>@ratemds.com</c>): four scores (Staff, Punctuality, Helpfulness, Knowledge, each
/// 1–5; the review's stars are their average, rounded half up), the comment in quotes, and a link ending
/// <c>#rating-{id}</c>.
/// </summary>
public sealed partial class RateMdsAlertParser : IEmailAlertParser
{
    private static readonly string[] Scores = ["Staff", "Punctuality", "Helpfulness", "Knowledge"];

    public string Source => "ratemds";

    public bool Sends(string address) => AlertFields.OnDomain(address, "ratemds.com");

    public AlertParse Parse(AlertText alert)
    {
        var scores = new List<int>();
        foreach (var name in Scores)
        {
            if (alert.Line(name + ":") is { } value && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var score) && score is >= 1 and <= 5)
            {
                scores.Add(score);
            }
        }

        int? rating = scores.Count == Scores.Length ? (int)Math.Round(scores.Average(), MidpointRounding.AwayFromZero) : null;
        var link = alert.LinkOn("ratemds.com", "/doctor-ratings/");
        var id = link is not null && RatingId().Match(link.Fragment) is { Success: true } m ? "rating-" + m.Groups[1].Value : null;
        return AlertFields.Review(Source, alert, rating, AlertFields.QuotedText(alert.Text), link, id);
    }

    [GeneratedRegex(@"^#rating-([0-9]{1,20})$")]
    private static partial Regex RatingId();
}
