using PracticeBot.Core.Posting;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Posting;

public sealed class PostingCalendarTests
{
    [Fact]
    public void Render_Slots_ParsesBackWithDueTimesInUtc()
    {
        // Arrange: Sydney, either side of the April clock change.
        var practice = new Practice { Id = 7, Name = "Harbour Family Practice, Sydney; Bondi", Slug = "harbour", TimeZone = "Australia/Sydney" };
        var plan = new PostingPlan { Id = 1, PracticeId = 7, PostsPerWeek = 2, DueLocalTime = new TimeOnly(12, 0) };
        var ann = new Member { Id = 3, Platform = "slack", UserId = "U-ann", DisplayName = "Ann Lee-Šimić, RN" };
        var slots = new List<PostingSlot>
        {
            new() { Id = 11, PracticeId = 7, Date = new DateOnly(2026, 4, 3), Network = "facebook", AssigneeMemberId = 3, Status = SlotStatus.Done, PostUrl = "https://facebook.com/p/1" },
            new() { Id = 12, PracticeId = 7, Date = new DateOnly(2026, 4, 6), Network = "instagram", AssigneeMemberId = null, Status = SlotStatus.Open },
        };

        // Act
        var text = PostingCalendar.Render(practice, plan, slots, new Dictionary<long, Member> { [3] = ann }, new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));
        var calendar = ICalendarReader.Read(text);

        // Assert
        Assert.Equal("Harbour Family Practice, Sydney; Bondi — posting duties", calendar.Get("X-WR-CALNAME"));
        var events = calendar.Events.ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal(new DateTimeOffset(2026, 4, 3, 1, 0, 0, TimeSpan.Zero), ICalendarReader.ParseUtc(events[0].Get("DTSTART")!));
        Assert.Equal(new DateTimeOffset(2026, 4, 6, 2, 0, 0, TimeSpan.Zero), ICalendarReader.ParseUtc(events[1].Get("DTSTART")!));
        Assert.Equal("Post on Facebook: Ann Lee-Šimić, RN (posted)", events[0].Get("SUMMARY"));
        Assert.Equal("Posted: https://facebook.com/p/1. Thank you!", events[0].Get("DESCRIPTION"));
        Assert.Equal("Post on Instagram: nobody yet", events[1].Get("SUMMARY"));
        Assert.NotEqual(events[0].Get("UID"), events[1].Get("UID"));
    }

    [Fact]
    public void Render_LongUnicodeText_FoldsWithinSeventyFiveOctets()
    {
        // Arrange
        var practice = new Practice { Id = 1, Name = string.Concat(Enumerable.Repeat("Clínica São José 🏥 ", 12)), Slug = "x", TimeZone = "UTC" };

        // Act
        var text = PostingCalendar.Render(practice, new PostingPlan(), [], new Dictionary<long, Member>(), DateTimeOffset.UnixEpoch);

        // Assert
        var calendar = ICalendarReader.Read(text);
        Assert.Equal($"{practice.Name} — posting duties", calendar.Get("X-WR-CALNAME"));
        Assert.Contains("\r\n ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_LineTooLong_Throws()
    {
        // A check on the checker: it must refuse what the writer must never produce.
        var text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:" + new string('x', 80) + "\r\nEND:VCALENDAR\r\n";

        Assert.Throws<FormatException>(() => ICalendarReader.Read(text));
    }

    [Theory]
    [InlineData("a,b;c\\d\ne", "a\\,b\\;c\\\\d\\ne")]
    [InlineData("plain", "plain")]
    public void Escape_SpecialCharacters_FollowsRfc5545(string value, string escaped)
    {
        Assert.Equal(escaped, PostingCalendar.Escape(value));
    }
}
