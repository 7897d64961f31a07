using System.Text.RegularExpressions;

namespace PracticeBot.Core.Reviews.Privacy;

/// <summary>
/// Statements that the reader came to, was seen by, or talked with the practice, even without a clinical word:
/// "thanks for coming in", "when you visited", "you have been our patient for years", "we look forward to seeing you
/// again", "as we discussed on the phone", "our records show". Each pattern has the reader or the practice's dealings
/// with them as its subject, so general sentences ("we see patients of all ages") do not match.
/// </summary>
internal sealed partial class RelationshipRule : IPrivacyRule
{
    private const string Instead = "Thank them for the feedback without saying whether or when they came, and invite them to call the office.";

    private static readonly (Func<Regex> Pattern, string Why, string Instead)[] Cues =
    [
        (CameIn, "It says the reader came to the practice.", Instead),
        (ThanksForComing, "It thanks the reader for coming in, which confirms they are a patient.", Instead),
        (WeSawYou, "It says the practice saw or treated the reader.", Instead),
        (YouWereSeen, "It says the reader was seen or treated here.", Instead),
        (PleasureCaring, "It speaks of caring for the reader, which confirms they are a patient.", Instead),
        (SeeYouAgain, "Looking forward to seeing them again says they have been here before.", "Invite them to get in touch (“please call our office”) without implying a past visit."),
        (AsDiscussed, "It refers to a conversation with the reader, which confirms a care relationship.", Instead),
        (AsYourProvider, "It states the practice cares for the reader.", PrivacyWording.GeneralInstead),
        (CalledPatient, "It calls the reader a patient.", "Thank them as “everyone who shares feedback”, not as a patient."),
        (Records, "Referring to records confirms a care relationship and hints at what the records hold.", PrivacyWording.GeneralInstead),
        (InTheRoom, "It places the reader in the practice.", Instead),
    ];

    public void Find(DraftText draft, DraftSentence sentence, List<PrivacyHit> hits)
    {
        var text = draft.Lower.AsSpan(sentence.Start, sentence.End - sentence.Start);
        foreach (var (pattern, why, instead) in Cues)
        {
            foreach (var match in pattern().EnumerateMatches(text))
            {
                var start = sentence.Start + match.Index;
                var end = start + match.Length;
                hits.Add(new PrivacyHit(start, end, new PrivacyFinding(draft.Quote(start, end), PrivacyRisk.CareRelationship, PrivacySeverity.High, why, instead)));
            }
        }
    }

    [GeneratedRegex(@"\b(?:when|while|after|before|since|the day|the time|last time|each time|every time|(?:the )?next time|the first time)\s+(?:you|your \w+)(?:'re|'ve|\s+are|\s+were|\s+was|\s+have|\s+had|\s+first)?\s+(?:came|come|coming|been|visited|visit|stopped|checked|called|here|in|brought|arrived|saw)(?:\s+(?:in|by|here|back|to see us|into the office|with us))?\b|\byou(?:'ve|\s+have|\s+had|\s+first)?\s+(?:came in|came by|came to see|visited us|visited our|stopped by|checked in|were here|were in|brought (?:him|her|them|your))\b", RegexOptions.CultureInvariant)]
    private static partial Regex CameIn();

    [GeneratedRegex(@"\b(?:thanks|thank you|grateful to you|we appreciate you)\s+(?:so much\s+|again\s+)?for\s+(?:coming|stopping|visiting|bringing(?!\s+(?:this|that|it|these|those)\b)|being (?:one of )?our|trusting us with|letting us (?:care|treat|see|help)|choosing us for your|seeing us|your visit|your patience during)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ThanksForComing();

    [GeneratedRegex(@"\b(?:we|i|our (?:\w+ ){0,2}?(?:team|staff|doctors?|nurses?|providers?|dentists?|hygienists?|front desk))\s+(?:have\s+|had\s+|'ve\s+|'d\s+|really\s+|truly\s+)?(?:(?:could|can|did|do|will|would)(?:n't| not)?\s+)?(?:saw|seen|see|treated|treating|examined|admitted|discharged|cared for|caring for|met|meeting|remember|remembers|enjoyed having|enjoyed seeing|loved having|loved meeting|loved seeing|enjoyed meeting|fit|squeezed|missed)\s+you\b|\bwho (?:saw|treated|examined|cared for|helped|seen|sees|treats) you\b|\b(?:fit|squeeze|get) you in\b", RegexOptions.CultureInvariant)]
    private static partial Regex WeSawYou();

    [GeneratedRegex(@"\byou(?:'re|'ve been|\s+are|\s+were|\s+have been|\s+had been|\s+got)\s+(?:seen|treated|examined|admitted|discharged|here|in the (?:office|chair|lobby|waiting room|exam room)|our (?:last|first|next) (?:appointment|patient))\b", RegexOptions.CultureInvariant)]
    private static partial Regex YouWereSeen();

    [GeneratedRegex(@"\b(?:pleasure|privilege|honou?r|great|lovely|nice|good|wonderful|joy|happy|glad)\s+(?:to\s+|of\s+|in\s+)?(?:see|seeing|treat|treating|care for|caring for|meet|meeting|have|having|help|helping|work with|working with)\s+(?:you|your)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PleasureCaring();

    [GeneratedRegex(@"\b(?:see|seeing|treat|treating|have|having) you (?:again|back)\b|\bwelcome you back\b|\b(?:glad|good|great|nice) to have you back\b|\bback in (?:the|our) (?:office|clinic|chair|practice)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SeeYouAgain();

    [GeneratedRegex(@"\bas (?:we|i) (?:discussed|mentioned|talked about|explained|said|told you|went over|agreed|spoke about)\b|\b(?:we|i) (?:discussed|talked|spoke|went over)\b[^.!?]{0,30}?\b(?:with you|on the phone|by phone|when you)\b|\b(?:you|your) (?:mentioning|mentioned|told us|told our|said on the phone)\b|\bwhen (?:we|i) (?:spoke|talked)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AsDiscussed();

    [GeneratedRegex(@"\bas your (?:\w+ )?(?:doctor|physician|provider|dentist|nurse|therapist|surgeon|care team|pediatrician|clinician|hygienist|counselor)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AsYourProvider();

    [GeneratedRegex(@"\byou(?:'re|'ve been|\s+are|\s+were|\s+have been|\s+had been|\s+became|\s+being| for being| as)\b[^.!?]{0,45}?\bpatients?\b|\bas (?:a|our) (?:\w+ )?patient\b|\bpatient of ours\b|\bone of our (?:[\w-]+ )?patients\b", RegexOptions.CultureInvariant)]
    private static partial Regex CalledPatient();

    [GeneratedRegex(@"\b(?:our|the)\s+(?:records?|charts?|notes|files?|system)\s+(?:show|shows|indicate|indicates|say|says|reflect|reflects)\b|\baccording to (?:our|your|the) (?:records?|chart|notes|files?)\b|\b(?:we|i|our team)\s+(?:have\s+)?(?:reviewed|checked|looked (?:at|into)|pulled|went through|updated)\s+your\s+(?:chart|records?|file|account|notes|history)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Records();

    [GeneratedRegex(@"\byou\b[^.!?]{0,40}?\b(?:in the (?:lobby|waiting room|chair|exam room|parking lot)|at (?:check-?in|checkout|the front desk|our front desk)|in our office|on hold with us)\b|\byour (?:time|stay|visits?) (?:with us|here|at our)\b", RegexOptions.CultureInvariant)]
    private static partial Regex InTheRoom();
}
