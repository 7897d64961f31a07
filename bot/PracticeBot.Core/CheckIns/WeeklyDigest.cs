namespace PracticeBot.Core.CheckIns;

/// <summary>The numbers of one week's check-in.</summary>
public sealed record WeeklyDigest(
    CheckInWeek Week,
    int NewReviews,
    double? AverageRating,
    IReadOnlyList<SourceLine> Sources,
    ResponseLine Responses,
    IReadOnlyList<UrgentLine> OpenUrgent,
    IReadOnlyList<CategoryLine> Categories,
    IReadOnlyList<PostLine> Posts,
    IReadOnlyList<ThanksLine> Thanks);

/// <summary>New reviews of one source this week, against the weekly average of the four weeks before.</summary>
public sealed record SourceLine(string Source, int Count, double? AverageRating, double PriorWeeklyCount, double? PriorAverageRating);

/// <summary>Reviews of the week that need a reply: how many got one, how fast, and how many within their target.</summary>
public sealed record ResponseLine(int NeedingReply, int Responded, int WithinTarget, TimeSpan? MedianFirstResponse, int TargetHours, int UrgentTargetHours)
{
    public double? Rate => NeedingReply == 0 ? null : (double)Responded / NeedingReply;
}

public sealed record UrgentLine(int Number, TimeSpan Age);

/// <summary>A complaint category: this week, the four weeks before, and whether it keeps coming back.</summary>
public sealed record CategoryLine(string Category, int ThisWeek, int PriorWeeks, bool Recurring);

public sealed record PostLine(string Network, int Done, int Planned);

public sealed record ThanksLine(string Name, int Replies, int Posts);
