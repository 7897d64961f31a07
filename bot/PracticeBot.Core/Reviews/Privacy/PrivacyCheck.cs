using System.Text.RegularExpressions;

namespace PracticeBot.Core.Reviews.Privacy;

/// <summary>
/// Checks a reply draft for patient information before anyone can publish it (pure). A public reply must never
/// confirm that the reviewer is a patient, identify anyone, or mention care or money matters: practices have paid
/// HIPAA settlements for exactly that. The model is a transparent list of phrases, each with its reason.
/// </summary>
public static class PrivacyCheck
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    // Guards against pathological backtracking only; wall-clock, so generous enough for a loaded machine.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private const string GeneralInstead =
        "talk about the practice in general (“We aim to …”, “Our team is committed to …”) and invite them to call the office.";

    private const string Weekdays = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";

    private static readonly Rule[] Rules =
    [
        // A care relationship: "your visit", "when you came in", "our records show", "as your doctor".
        new(@"\b(?:your|ur)\s+(?:(?:last|recent|first|next|previous|latest|recent)\s+)?(?:visit|appointment|appt|stay|exam(?:ination)?|check-?up|physical|procedure|surgery|operation|treatment|therapy|sessions?|consultation|follow[- ]?up|test results?|results|labs?|lab ?work|blood ?work|x-?rays?|scans?|mri|prescriptions?|medications?|meds|diagnosis|condition|care|chart|records?|medical file|health|doctor|physician|provider|nurse|dentist|therapist|surgeon|referral|vaccines?|vaccination|shots?|injections?|bills?|billing|account|balance|insurance|claim|copay|co-pay|deductible|statement)\b",
            PrivacyRisk.CareRelationship, PrivacySeverity.High,
            "“your …” about care or a bill confirms the reviewer is a patient.", GeneralInstead),
        new(@"\b(?:when|while|after|before|since|the day|the time)\s+you\s+(?:came|come|were|was|visited|stopped|checked)\s+(?:in|here|by|with us|to see us|to our office|into the office)\b",
            PrivacyRisk.CareRelationship, PrivacySeverity.High,
            "It says the reviewer came to the practice.", GeneralInstead),
        new(@"\b(?:we|i|our (?:team|staff|doctor|nurse))\s+(?:saw|treated|examined|admitted|discharged)\s+you\b|\byou\s+were\s+(?:seen|treated|examined|admitted|discharged|here)\b",
            PrivacyRisk.CareRelationship, PrivacySeverity.High,
            "It says the reviewer was seen or treated here.", GeneralInstead),
        new(@"\b(?:our|the)\s+(?:records?|charts?|notes|files?|system)\s+(?:show|shows|indicate|indicates|say|says|reflect|reflects)\b|\b(?:we|i|our team)\s+(?:have\s+)?(?:reviewed|checked|looked (?:at|into)|pulled|went through)\s+(?:your|the)\s+(?:chart|records?|file|account|notes|history)\b|\baccording to (?:our|your|the) (?:records?|chart|notes|files?)\b",
            PrivacyRisk.CareRelationship, PrivacySeverity.High,
            "Referring to records confirms a care relationship and hints at what the records hold.", GeneralInstead),
        new(@"\bas your (?:doctor|physician|provider|dentist|nurse|therapist|surgeon|care team|pediatrician|clinician)\b",
            PrivacyRisk.CareRelationship, PrivacySeverity.High,
            "It states the practice cares for the reviewer.", GeneralInstead),
        new(@"\byou(?:'re| are| have been| were| became)\s+(?:a|our|one of our)\s+(?:valued\s+|long-?time\s+|new\s+)?patients?\b|\bas (?:a|our) (?:valued |long-?time |new )?patient\b|\bpatient of ours\b",
            PrivacyRisk.CareRelationship, PrivacySeverity.High,
            "It calls the reviewer a patient.", "thank them as “everyone who shares feedback”, not as a patient."),

        // Personal details.
        new(@"\b(?i:dear|hi|hello|hey)\s+(?:(?i:mr|mrs|ms|miss|mx|dr)\.?\s+)?\p{Lu}\p{Ll}+",
            PrivacyRisk.PersonalDetail, PrivacySeverity.High,
            "It greets someone by name, which ties the reply to a patient.", "start with “Thank you for your feedback.”", CaseSensitiveName: true),
        new(@"\b(?i:mr|mrs|ms|miss|mx)\.?\s+\p{Lu}\p{Ll}+",
            PrivacyRisk.PersonalDetail, PrivacySeverity.High,
            "It names a person.", "leave names out.", CaseSensitiveName: true),
        new(@"\b(?i:dr|doctor|nurse|np)\.?\s+\p{Lu}\p{Ll}+",
            PrivacyRisk.PersonalDetail, PrivacySeverity.Caution,
            "Naming a clinician can tie the reviewer to their care.", "say “our team” or “our providers”.", CaseSensitiveName: true),
        new(@"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b\d{4}-\d{2}-\d{2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:st|nd|rd|th)?\s+of\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\bon\s+(?:" + Weekdays + @")\b",
            PrivacyRisk.PersonalDetail, PrivacySeverity.High,
            "A date pins down when someone was at the practice.", "leave dates out."),
        new(@"\b(?:yesterday|last (?:week|month|" + Weekdays + @")|this (?:morning|past week))\b",
            PrivacyRisk.PersonalDetail, PrivacySeverity.Caution,
            "A time reference can pin down when someone was at the practice.", "leave times out."),
        new(@"\b\d{1,3}[- ](?:year|yr)s?[- ]old\b|\baged?\s+\d{1,3}\b|\byour age\b|\bat your age\b",
            PrivacyRisk.PersonalDetail, PrivacySeverity.High,
            "An age identifies a person.", "leave ages out."),
        new(@"(?<!\d)(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)",
            PrivacyRisk.PersonalDetail, PrivacySeverity.Caution,
            "A phone number is fine only if it is the office's own, never the reviewer's.", "give only the office's main number."),
        new(@"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b",
            PrivacyRisk.PersonalDetail, PrivacySeverity.Caution,
            "An email address is fine only if it is the office's own, never the reviewer's.", "give only the office's general address."),

        // Clinical and billing terms.
        new(@"\b(?:diabet(?:es|ic)|cancer|tumou?r|depress(?:ion|ed)|anxiety|adhd|autism|pregnan(?:t|cy)|miscarriage|hiv|aids|std|sti|hepatitis|hypertension|high blood pressure|asthma|copd|covid(?:-19)?|infection|fracture|concussion|stroke|heart attack|dementia|alzheimer'?s|arthritis|obesity|eating disorder|addiction|overdose|bipolar|schizophrenia|ptsd|allerg(?:y|ies)|migraines?|thyroid|cholesterol|diagnos(?:is|ed))\b",
            PrivacyRisk.ClinicalOrBilling, PrivacySeverity.High,
            "It names a health condition.", GeneralInstead),
        new(@"\b(?:surgery|surgical|biopsy|colonoscopy|mammogram|ultrasound|mri|ct scan|cat scan|x-?rays?|blood ?(?:test|work|draw)|lab ?work|vaccin(?:e|es|ation)|injections?|stitches|ekg|ecg|physical therapy|chemo(?:therapy)?|dialysis|abortion|iud|pap smear|endoscopy|test results?)\b",
            PrivacyRisk.ClinicalOrBilling, PrivacySeverity.High,
            "It names a test or procedure.", GeneralInstead),
        new(@"\b(?:antibiotics?|opioids?|painkillers?|prescriptions?|insulin|antidepressants?|dosage|doses?|refills?|medications?|pills|narcotics?)\b",
            PrivacyRisk.ClinicalOrBilling, PrivacySeverity.High,
            "It mentions medication.", GeneralInstead),
        new(@"\b(?:insurance|insurer|copays?|co-pays?|deductibles?|medicare|medicaid|out-of-pocket|collections|refund(?:ed)?|balance due|overcharged|claim (?:was )?denied|prior authori[sz]ation)\b",
            PrivacyRisk.ClinicalOrBilling, PrivacySeverity.High,
            "It discusses insurance or payment for someone's care.", "invite them to call the office about any billing question, without details."),
        new(@"\b(?:bills?|billing|cost|costs|charged?|charges|payment|price|fees?)\b",
            PrivacyRisk.ClinicalOrBilling, PrivacySeverity.Caution,
            "Money matters can reveal that someone received care.", "keep it general: “please call our office with any questions.”"),
    ];

    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "anonymous", "patient", "user", "google", "yelp", "facebook", "customer", "guest", "the", "and", "mr", "mrs", "ms", "miss", "dr",
    };

    public static PrivacyReport Check(string draft, string? reviewerName = null)
    {
        if (string.IsNullOrWhiteSpace(draft))
        {
            return new PrivacyReport([]);
        }

        var hits = new List<(int Start, int Length, PrivacyFinding Finding)>();
        foreach (var token in NameTokens(reviewerName))
        {
            foreach (Match match in Regex.Matches(draft, $@"(?<!\w){Regex.Escape(token)}(?!\w)", Options, Timeout))
            {
                hits.Add((match.Index, match.Length, new PrivacyFinding(
                    match.Value, PrivacyRisk.PersonalDetail, PrivacySeverity.High,
                    "It uses the reviewer's name, which confirms who the patient is.",
                    "leave names out: “Thank you for your feedback” works for everyone.")));
            }
        }

        foreach (var rule in Rules)
        {
            foreach (Match match in rule.Regex.Matches(draft))
            {
                hits.Add((match.Index, match.Length, new PrivacyFinding(match.Value.Trim(), rule.Risk, rule.Severity, rule.Why, Capitalize(rule.Instead))));
            }
        }

        // One finding per stretch of text: the most serious one, then the longest.
        var findings = new List<PrivacyFinding>();
        var taken = new List<(int Start, int End)>();
        foreach (var hit in hits.OrderByDescending(h => h.Finding.Severity).ThenByDescending(h => h.Length).ThenBy(h => h.Start))
        {
            var end = hit.Start + hit.Length;
            if (taken.Any(t => hit.Start < t.End && t.Start < end))
            {
                continue;
            }

            taken.Add((hit.Start, end));
            findings.Add(hit.Finding);
        }

        var order = taken.Zip(findings).OrderBy(p => p.First.Start).Select(p => p.Second).ToList();
        return new PrivacyReport(order);
    }

    private static IEnumerable<string> NameTokens(string? reviewerName) =>
        (reviewerName ?? "")
            .Split([' ', '.', ',', '-', '_', '(', ')', '"', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Where(t => t.Length >= 2 && t.Any(char.IsLetter) && !NotNames.Contains(t))
            .Distinct(StringComparer.OrdinalIgnoreCase);

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private sealed record Rule(string Pattern, PrivacyRisk Risk, PrivacySeverity Severity, string Why, string Instead, bool CaseSensitiveName = false)
    {
        public Regex Regex { get; } = new(
            Pattern,
            (CaseSensitiveName ? RegexOptions.CultureInvariant : Options) | RegexOptions.Compiled,
            Timeout);
    }
}
