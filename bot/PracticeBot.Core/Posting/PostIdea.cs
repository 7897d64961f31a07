namespace PracticeBot.Core.Posting;

/// <summary>A prompt for a post. <paramref name="Months"/> limits it to part of the year (1–12); empty means any month.</summary>
public sealed record PostIdea(string Key, string Category, string Text, IReadOnlyList<int> Months)
{
    public bool FitsMonth(int month) => Months.Count == 0 || Months.Contains(month);
}
