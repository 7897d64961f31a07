using PracticeBot.Core.Posting;

namespace PracticeBot.Core.Tests.Posting;

public sealed class PostingRotationTests
{
    private static readonly DateOnly FirstMonday = new(2026, 1, 5);

    [Fact]
    public void Assign_TwelveWeeksFiveVolunteersOneAwayOneOptingOut_IsFairAndRespectsAbsences()
    {
        // Arrange: 3 posts a week; member 3 away in weeks 3–4; member 5 opts out from week 6.
        var awayFrom = FirstMonday.AddDays(14);
        var awayTo = FirstMonday.AddDays(27);

        // Act
        var weeks = Simulate(awayFrom, awayTo, optOutWeek: 6);

        // Assert
        var all = weeks.SelectMany(w => w).ToList();
        Assert.Equal(36, all.Count);
        Assert.All(all, a => Assert.NotNull(a.MemberId));
        var continuous = new long[] { 1, 2, 4 }.Select(id => all.Count(a => a.MemberId == id)).ToList();
        Assert.True(continuous.Max() - continuous.Min() <= 1, $"continuously available counts: {string.Join(", ", continuous)}");
        Assert.DoesNotContain(all, a => a.MemberId == 3 && a.Date >= awayFrom && a.Date <= awayTo);
        Assert.DoesNotContain(all, a => a.MemberId == 5 && a.Date >= FirstMonday.AddDays(7 * 5));
        Assert.Contains(all, a => a.MemberId == 3);
        Assert.Contains(all, a => a.MemberId == 5);
    }

    [Fact]
    public void Assign_SameInputsTwice_GivesSameRotation()
    {
        // Act
        var first = Simulate(FirstMonday.AddDays(14), FirstMonday.AddDays(27), optOutWeek: 6);
        var second = Simulate(FirstMonday.AddDays(14), FirstMonday.AddDays(27), optOutWeek: 6);

        // Assert
        Assert.Equal(first.SelectMany(w => w), second.SelectMany(w => w));
    }

    [Fact]
    public void Assign_TwoSlotsOnOneDayAndTwoVolunteers_GivesOneEach()
    {
        // Arrange: member 1 has done less, so a day-blind rotation would give them both.
        var day = new DateOnly(2026, 12, 2);
        var history = new Dictionary<long, RotationHistory> { [2] = new(3, null) };

        // Act
        var assigned = PostingRotation.Assign([day, day], [new RotationVolunteer(1), new RotationVolunteer(2)], history);

        // Assert
        Assert.Equal([1L, 2L], assigned);
    }

    [Fact]
    public void Assign_TwoSlotsOnOneDayAndOtherVolunteerAway_GivesBothToTheOneAvailable()
    {
        // Arrange
        var day = new DateOnly(2026, 12, 2);

        // Act
        var assigned = PostingRotation.Assign([day, day], [new RotationVolunteer(1), new RotationVolunteer(2, [(day, day)])], new Dictionary<long, RotationHistory>());

        // Assert
        Assert.Equal([1L, 1L], assigned);
    }

    [Fact]
    public void Assign_VolunteerAlreadyHoldingThatDay_PrefersSomeoneFree()
    {
        // Arrange
        var day = new DateOnly(2026, 12, 2);

        // Act
        var assigned = PostingRotation.Assign([day], [new RotationVolunteer(1), new RotationVolunteer(2)],
            new Dictionary<long, RotationHistory> { [2] = new(5, null) }, [(day, 1L)]);

        // Assert
        Assert.Equal([2L], assigned);
    }

    [Fact]
    public void Assign_EqualDuties_GoesToWhoPostedLeastRecently()
    {
        // Arrange
        var history = new Dictionary<long, RotationHistory>
        {
            [1] = new(2, new DateOnly(2026, 11, 20)),
            [2] = new(2, new DateOnly(2026, 11, 10)),
            [3] = new(2, new DateOnly(2026, 11, 25)),
        };

        // Act
        var assigned = PostingRotation.Assign([new DateOnly(2026, 12, 2)], [new RotationVolunteer(1), new RotationVolunteer(2), new RotationVolunteer(3)], history);

        // Assert
        Assert.Equal([2L], assigned);
    }

    [Fact]
    public void Assign_FewestDutiesWins_OverLeastRecent()
    {
        // Arrange
        var history = new Dictionary<long, RotationHistory> { [1] = new(4, new DateOnly(2026, 1, 1)), [2] = new(1, new DateOnly(2026, 11, 30)) };

        // Act
        var assigned = PostingRotation.Assign([new DateOnly(2026, 12, 2)], [new RotationVolunteer(1), new RotationVolunteer(2)], history);

        // Assert
        Assert.Equal([2L], assigned);
    }

    [Fact]
    public void Assign_EveryoneAwayOrNoVolunteers_LeavesSlotEmpty()
    {
        // Arrange
        var day = new DateOnly(2026, 12, 2);

        // Act
        var away = PostingRotation.Assign([day], [new RotationVolunteer(1, [(day.AddDays(-1), day)])], new Dictionary<long, RotationHistory>());
        var nobody = PostingRotation.Assign([day], [], new Dictionary<long, RotationHistory>());

        // Assert
        Assert.Equal([(long?)null], away);
        Assert.Equal([(long?)null], nobody);
    }

    /// <summary>Runs the weekly rotation as the job does: history from the last 8 weeks of assignments, everyone posting their slot.</summary>
    private static List<List<(DateOnly Date, long? MemberId)>> Simulate(DateOnly awayFrom, DateOnly awayTo, int optOutWeek)
    {
        var done = new List<(DateOnly Date, long MemberId)>();
        var weeks = new List<List<(DateOnly, long?)>>();
        for (var week = 1; week <= 12; week++)
        {
            var monday = FirstMonday.AddDays(7 * (week - 1));
            var volunteers = new List<RotationVolunteer>
            {
                new(1), new(2), new(3, [(awayFrom, awayTo)]), new(4),
            };
            if (week < optOutWeek)
            {
                volunteers.Add(new RotationVolunteer(5));
            }

            var windowStart = monday.AddDays(-7 * PostingRotation.WindowWeeks);
            var history = done.GroupBy(d => d.MemberId).ToDictionary(
                g => g.Key,
                g => new RotationHistory(g.Count(d => d.Date >= windowStart && d.Date < monday), g.Max(d => d.Date)));
            var slots = PlanShape.Week(monday, 3, [], ["facebook"]).Select(s => s.Date).ToList();

            var assigned = PostingRotation.Assign(slots, volunteers, history);

            weeks.Add([.. slots.Zip(assigned)]);
            done.AddRange(slots.Zip(assigned).Where(x => x.Second is not null).Select(x => (x.First, x.Second!.Value)));
        }

        return weeks;
    }
}
