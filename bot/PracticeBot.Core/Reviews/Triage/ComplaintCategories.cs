namespace PracticeBot.Core.Reviews.Triage;

/// <summary>
/// The built-in phrase model. Phrases are matched on whole words after lower-casing and dropping punctuation, so
/// "front-desk" and "Front desk!" both match "front desk". Phrases are deliberately negative forms ("never called
/// back", not "call back") so praise does not read as a complaint. A practice adds its own phrases per category id
/// in <see cref="Practices.PracticeSettings.ExtraCategoryPhrases"/>; an id not listed here becomes a category of its own.
/// </summary>
public static class ComplaintCategories
{
    public const string WaitTime = "wait-time";
    public const string FrontOffice = "front-office";
    public const string Billing = "billing";
    public const string FollowUp = "follow-up";
    public const string UnnecessaryTests = "unnecessary-tests";
    public const string NotListened = "not-listened";
    public const string MedicalOpinion = "medical-opinion";
    public const string Scheduling = "scheduling";
    public const string Cleanliness = "cleanliness";

    public static readonly IReadOnlyList<ComplaintCategory> All =
    [
        new(WaitTime, "long wait", [
            "long wait", "wait time", "wait times", "waited", "kept waiting", "kept me waiting", "kept us waiting",
            "the wait was", "hour wait", "hours wait", "minute wait", "minutes wait", "running late", "ran late",
            "behind schedule", "past my appointment", "after my appointment time", "still waiting to be seen",
            "sat in the waiting room", "forever to be seen",
        ]),
        new(FrontOffice, "front office / staff attitude", [
            "front desk", "front office", "receptionist", "receptionists", "reception staff", "rude", "rudely",
            "unprofessional", "attitude", "condescending", "unfriendly", "snapped at", "yelled at", "eye roll", "rolled her eyes",
            "rolled his eyes", "staff was mean",
        ]),
        new(Billing, "billing and cost", [
            "bill", "bills", "billed", "billing", "overcharged", "charged me", "charged us", "surprise charge", "insurance",
            "copay", "co pay", "invoice", "collections", "out of pocket", "refund", "fee", "fees", "expensive", "cost me",
            "price", "prices", "pricing",
        ]),
        new(FollowUp, "poor follow-up", [
            "never called back", "never call back", "no call back", "no callback", "didn't call back", "did not call back",
            "never got a call", "never heard back", "never heard from", "no follow up", "never followed up", "didn't follow up",
            "did not follow up", "poor follow up", "lack of follow up", "never returned my call", "never returned my calls",
            "left messages", "left several messages", "left a message", "still waiting for my results", "still waiting on my results",
            "never got my results", "never received my results", "no one called", "nobody called",
        ]),
        new(UnnecessaryTests, "unnecessary tests", [
            "unnecessary test", "unnecessary tests", "unnecessary testing", "unnecessary labs", "unnecessary blood work",
            "too many tests", "so many tests", "extra tests", "tests i didn't need", "tests i did not need", "test i didn't need",
            "upsell", "upsold", "money grab", "cash grab", "just to bill", "ordered every test",
        ]),
        new(NotListened, "not listened to", [
            "didn't listen", "did not listen", "doesn't listen", "does not listen", "wouldn't listen", "would not listen",
            "not listening", "never listened", "didn't hear me", "brushed off", "brushed me off", "dismissed my", "dismissive",
            "rushed", "in and out in", "cut me off", "interrupted me", "didn't take me seriously", "did not take me seriously",
            "not taken seriously", "ignored my", "felt unheard", "barely looked at me", "wouldn't let me explain",
        ]),
        new(MedicalOpinion, "differing medical opinion", [
            "second opinion", "misdiagnosed", "misdiagnosis", "wrong diagnosis", "disagree with", "disagreed with",
            "refused to prescribe", "wouldn't prescribe", "would not prescribe", "refused to refer", "wouldn't refer",
            "another doctor said", "another doctor told", "my other doctor", "my specialist said", "different diagnosis",
            "wrong medication", "refused to give me", "refused antibiotics", "doesn't believe in",
        ]),
        new(Scheduling, "scheduling and access", [
            "couldn't get an appointment", "could not get an appointment", "can't get an appointment", "cannot get an appointment",
            "no appointments", "booked out", "booked up", "weeks out", "months out", "next available", "cancelled my appointment",
            "canceled my appointment", "cancelled on me", "canceled on me", "rescheduled", "on hold", "no one answers",
            "nobody answers", "never answer the phone", "never answers the phone", "can't get through", "couldn't get through",
            "hard to reach", "not accepting new patients", "impossible to schedule", "impossible to get",
        ]),
        new(Cleanliness, "cleanliness", [
            "dirty", "filthy", "unclean", "not clean", "gross", "smelled", "smelly", "stained", "stains", "trash", "dusty",
            "bugs", "cockroach", "cockroaches", "sticky", "unsanitary", "unhygienic", "bathroom was disgusting", "disgusting bathroom",
            "mold", "moldy",
        ]),
    ];
}
