namespace PracticeBot.Core.Dashboard;

public enum ReviewSort
{
    Newest,
    Oldest,
    LowestRating,
    HighestRating,
    Number,
}
