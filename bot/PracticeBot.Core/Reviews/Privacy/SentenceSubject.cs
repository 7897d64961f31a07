namespace PracticeBot.Core.Reviews.Privacy;

/// <summary>
/// Who a sentence is about, and whether it speaks of the practice in general. The same clinical words are safe in
/// "We offer flu shots every autumn" and a disclosure in "We hope your flu shot went well".
/// </summary>
internal sealed record SentenceSubject(
    bool SecondPerson,
    IReadOnlyList<(int Start, int End)> Family,
    IReadOnlyList<(int Start, int End)> ReviewerName,
    bool ThirdPerson,
    bool PracticeInGeneral,
    bool OpeningHours,
    IReadOnlySet<int> ReaderPossessives)
{
    public static readonly SentenceSubject None = new(false, [], [], false, false, false, new HashSet<int>());

    /// <summary>The reader, someone in their family, or the reviewer by name: a person, not the public at large.</summary>
    public bool IsAboutThem => SecondPerson || Family.Count > 0 || ReviewerName.Count > 0;

    /// <summary>About them, or about a particular "he" or "she".</summary>
    public bool IsAboutSomeone => IsAboutThem || ThirdPerson;
}
