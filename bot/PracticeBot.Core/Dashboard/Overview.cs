using PracticeBot.Core.CheckIns;

namespace PracticeBot.Core.Dashboard;

/// <summary>The Overview page's figures.</summary>
public sealed record Overview(
    DateTimeOffset Now,
    IReadOnlyList<AgeBucket> OpenByAge,
    IReadOnlyList<ResponseWindow> Responses,
    IReadOnlyList<SourceFigure> Sources,
    IReadOnlyList<MonthFigure> Months,
    IReadOnlyList<PostingWeek> PostingWeeks,
    IReadOnlyList<Stall> Stalls,
    DateTimeOffset NextCheckIn,
    int ResponseTargetHours,
    int UrgentResponseTargetHours)
{
    public int OpenTotal => OpenByAge.Sum(b => b.Urgent + b.Other);
}

/// <summary>Reviews still waiting for an answer that are this old (at least <see cref="From"/>, less than <see cref="To"/>).</summary>
public sealed record AgeBucket(string Label, TimeSpan From, TimeSpan? To, int Urgent, int Other);

/// <summary>
/// Reviews received in the last <see cref="Days"/> days that need a reply: how many got one, how many within their
/// target (the urgent target for urgent ones), and the median time to the first reply.
/// </summary>
public sealed record ResponseWindow(string Label, int Days, int NeedingReply, int Responded, int WithinTarget, TimeSpan? MedianFirstResponse)
{
    public double? Rate => NeedingReply == 0 ? null : (double)Responded / NeedingReply;

    public double? WithinTargetRate => NeedingReply == 0 ? null : (double)WithinTarget / NeedingReply;
}

/// <summary>Reviews of one source received in the last 12 months, and their average rating.</summary>
public sealed record SourceFigure(string Source, int Count, double? AverageRating);

/// <summary>Reviews received in one local calendar month, and their average rating.</summary>
public sealed record MonthFigure(int Year, int Month, int Count, double? AverageRating);

/// <summary>One posting week (Monday first): slots planned, done, and missed or skipped.</summary>
public sealed record PostingWeek(DateOnly Monday, int Planned, int Done, int Missed);
