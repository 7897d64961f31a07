namespace PracticeBot.Core.Posting;

/// <summary>
/// The built-in library of post prompts for medical practices, and the choice of one (pure). The choice moves
/// through what fits the month (that month's health observances first) and never repeats the previous idea.
/// </summary>
public static class PostIdeas
{
    public const string Observance = "Health observance";
    public const string Seasonal = "Seasonal tip";
    public const string News = "Practice news";
    public const string Spotlight = "Staff spotlight";
    public const string Faq = "Patient FAQ";
    public const string Community = "Community";
    public const string Doctor = "Meet the doctor";
    public const string Custom = "Your practice's idea";

    public static readonly IReadOnlyList<PostIdea> Library =
    [
        Month(1, "cervical-health", "January is Cervical Health Awareness Month: when to book a Pap test or HPV vaccine, in two sentences."),
        Month(1, "glaucoma", "January is Glaucoma Awareness Month: remind followers that regular eye checks catch it early."),
        Month(2, "heart-month", "February is American Heart Month: one heart-healthy habit your team swears by."),
        Month(3, "nutrition-month", "March is National Nutrition Month: a simple, healthy swap for a favourite snack."),
        Month(3, "colorectal-cancer", "March is Colorectal Cancer Awareness Month: who should be screened, and from what age."),
        Month(4, "world-health-day", "April 7 is World Health Day: what health means to your team, in one photo."),
        Month(4, "alcohol-awareness", "April is Alcohol Awareness Month: where patients can find confidential support."),
        Month(5, "mental-health", "May is Mental Health Awareness Month: it's OK to bring up stress or low mood at any visit."),
        Month(5, "skin-cancer", "May is Skin Cancer Awareness Month: the ABCDEs of checking a mole."),
        Month(6, "mens-health", "June is Men's Health Month: nudge the men in followers' lives to book a check-up."),
        Month(7, "uv-safety", "July is UV Safety Month: sunscreen, shade, hats and sunglasses, the short version."),
        Month(8, "immunization", "August is National Immunization Awareness Month: which vaccines are due before school and for adults."),
        Month(9, "healthy-aging", "September is Healthy Aging Month: one small habit that keeps people active at any age."),
        Month(9, "childhood-cancer", "September is Childhood Cancer Awareness Month: share a local support organisation."),
        Month(10, "breast-cancer", "October is Breast Cancer Awareness Month: when to start mammograms, and how to book one with you."),
        Month(11, "diabetes-month", "November is American Diabetes Month: the signs of diabetes worth mentioning to a doctor."),
        Month(11, "smokeout", "The Great American Smokeout is the third Thursday of November: how your practice helps people quit."),
        Month(12, "handwashing", "December has National Handwashing Awareness Week: a 20-second handwashing reminder before the holidays."),
        Month(12, "safe-toys", "December is Safe Toys and Gifts Month: a quick checklist for age-appropriate gifts."),

        Season([9, 10, 11], "flu-shots", "Flu shots are in: when and how patients can get theirs with you."),
        Season([5, 6, 7, 8], "sun-safety", "Sun safety: a reminder to reapply sunscreen every two hours outdoors."),
        Season([3, 4, 5], "allergy-season", "Allergy season: tips for pollen days, and when to see a doctor about symptoms."),
        Season([7, 8], "back-to-school", "Back-to-school physicals and sports forms: how to book before the rush."),
        Season([12, 1, 2], "cold-and-flu", "Cold or flu? A short guide to resting at home versus calling the office."),
        Season([12], "holiday-hours", "Holiday opening hours: when you are open, and who to call when you are closed."),
        Season([6, 7, 8], "heat-safety", "Heat safety: hydration and signs of heat exhaustion to watch for."),

        Always(News, "new-service", "Practice news: a new service, piece of equipment or longer opening hours."),
        Always(News, "milestone", "Practice news: a milestone, like an anniversary or a new team member."),
        Always(Spotlight, "staff-spotlight", "Staff spotlight: introduce a team member (with their permission) and what they love about their job."),
        Always(Spotlight, "behind-the-scenes", "Behind the scenes: what happens before the doors open in the morning."),
        Always(Faq, "faq-refills", "Patient FAQ: how to request a prescription refill."),
        Always(Faq, "faq-portal", "Patient FAQ: what patients can do in the patient portal (appointments, results, messages)."),
        Always(Faq, "faq-first-visit", "Patient FAQ: what to bring to a first visit."),
        Always(Community, "community-event", "Community: a local health fair, charity run or event your team supports."),
        Always(Community, "thank-you", "Community: a thank-you to patients and neighbours (never name or picture a patient without written consent)."),
        Always(Doctor, "meet-the-doctor", "Meet the doctor: a short introduction, their specialties, and a fun fact."),
    ];

    /// <summary>
    /// The next idea for a practice on <paramref name="date"/>: those fitting the month (observances first), then the
    /// practice's own ideas, starting at a place that moves with the date, and never <paramref name="lastKey"/>.
    /// </summary>
    public static PostIdea Next(DateOnly date, string? lastKey, IReadOnlyList<string> practiceIdeas)
    {
        var candidates = Candidates(date.Month, practiceIdeas);
        var start = date.DayNumber % candidates.Count;
        for (var i = 0; i < candidates.Count; i++)
        {
            var idea = candidates[(start + i) % candidates.Count];
            if (idea.Key != lastKey)
            {
                return idea;
            }
        }

        return candidates[start];
    }

    /// <summary>Everything that fits the month: observances, seasonal tips, the evergreen prompts, then the practice's own.</summary>
    public static IReadOnlyList<PostIdea> Candidates(int month, IReadOnlyList<string> practiceIdeas) =>
    [
        .. Library.Where(i => i.FitsMonth(month)).OrderBy(i => i.Category == Observance ? 0 : i.Category == Seasonal ? 1 : 2),
        .. practiceIdeas.Select((text, n) => new PostIdea(CustomKey(n), Custom, text, [])),
    ];

    /// <summary>The idea a key names (built-in or the practice's own), for a reminder sent after the choice.</summary>
    public static PostIdea? Find(string? key, IReadOnlyList<string> practiceIdeas) =>
        key is null ? null : Candidates(0, practiceIdeas).Concat(Library).FirstOrDefault(i => i.Key == key);

    private static string CustomKey(int index) => $"custom-{index + 1}";

    private static PostIdea Month(int month, string key, string text) => new(key, Observance, text, [month]);

    private static PostIdea Season(int[] months, string key, string text) => new(key, Seasonal, text, months);

    private static PostIdea Always(string category, string key, string text) => new(key, category, text, []);
}
