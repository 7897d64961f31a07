using System.Text.RegularExpressions;

namespace PracticeBot.Adapters.Reviews.Email.Parsers;

/// <summary>
/// Vitals' review alert (from <c>@vitals.com</c>): "Rating: 2/5", "Review: "…"", and a link
/// <c>https://www.vitals.com/doctors/…/reviews/{id}</c>.
/// </summary>
public sealed partial class VitalsAlertParser : IEmailAlertParser
{
    public string Source => "vitals";

    public bool Sends(string address) => AlertFields.OnDomain(address, "vitals.com");

    public AlertParse Parse(AlertText alert)
    {
        var link = alert.LinkOn("vitals.com", "/doctors/");
        var id = link is not null && ReviewId().Match(link.AbsolutePath) is { Success: true } m ? "vitals-" + m.Groups[1].Value : null;
        return AlertFields.Review(Source, alert, AlertFields.Number(Stars(), alert.Text), AlertFields.QuotedText(alert.Text), link, id);
    }

    [GeneratedRegex(@"Rating:\s*([1-5])\s*/\s*5", RegexOptions.IgnoreCase)]
    private static partial Regex Stars();

    [GeneratedRegex(@"/reviews/([A-Za-z0-9_-]{1,64})/?$")]
    private static partial Regex ReviewId();
}
