using System.Text;

namespace PracticeBot.Core.Reviews.Privacy;

/// <summary>Everything the privacy check found in one draft.</summary>
public sealed record PrivacyReport(IReadOnlyList<PrivacyFinding> Findings)
{
    public bool IsClean => Findings.Count == 0;

    public bool IsHighRisk => Findings.Any(f => f.Severity == PrivacySeverity.High);

    /// <summary>The findings as people read them: the phrase, why, and a safer wording.</summary>
    public string Explain()
    {
        if (IsClean)
        {
            return "Privacy check: nothing risky found.";
        }

        var text = new StringBuilder(IsHighRisk
            ? "Privacy check: this reply could disclose patient information. It can't be published as it is:"
            : "Privacy check: worth a second look before publishing:");
        foreach (var finding in Findings)
        {
            text.Append("\n• “").Append(finding.Phrase).Append("” — ").Append(finding.Why).Append(" Instead: ").Append(finding.Instead);
        }

        return text.ToString();
    }
}
