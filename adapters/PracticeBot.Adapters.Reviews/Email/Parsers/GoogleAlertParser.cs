using System.Text.RegularExpressions;

namespace PracticeBot.Adapters.Reviews.Email.Parsers;

/// <summary>
/// Google Business Profile's new-review alert (from <c>businessprofile-noreply@google.com</c>, HTML): "Jordan P. left a
/// 1-star review", the review in quotes, and a Reply link <c>https://business.google.com/…?review={id}</c>.
/// </summary>
public sealed partial class GoogleAlertParser : IEmailAlertParser
{
    public string Source => "google";

    public bool Sends(string address) => string.Equals(address, "businessprofile-noreply@google.com", StringComparison.OrdinalIgnoreCase);

    public AlertParse Parse(AlertText alert)
    {
        var headline = Headline().Match(alert.Text);
        int? rating = headline.Success ? headline.Groups[2].Value[0] - '0' : null;
        var link = alert.LinkOn("business.google.com");
        var id = AlertFields.Query(link, "review");
        return AlertFields.Review(Source, alert, rating, AlertFields.QuotedText(alert.Text), link, id is null ? null : "email-" + id,
            headline.Success ? headline.Groups[1].Value.Trim() : null);
    }

    [GeneratedRegex(@"^\s*([^\n]{1,100}?)\s+left a ([1-5])-star review", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex Headline();
}
