using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Practices;

namespace PracticeBot.Core.Tests.Commands;

public sealed class CommandParserGoldenTests
{
    /// <summary>One well-formed line per command of the grammar (and more for the tricky ones): root, text, route.</summary>
    public static TheoryData<string, string, string> GoldenCases => new()
    {
        { "review", "", "review list" },
        { "review", "mine", "review list" },
        { "review", "OPEN", "review list" },
        { "review", "12", "review show" },
        { "review", "#12", "review show" },
        { "review", "claim 12", "review claim" },
        { "review", "claim 12 <@U2|Ann Lee>", "review claim" },
        { "review", "release 12", "review release" },
        { "review", "reply 12", "review reply" },
        { "review", "suggest 12", "review suggest" },
        { "review", "reply 12 Thank you for the kind words!", "review reply" },
        { "review", "approve 3 looks good", "review approve" },
        { "review", "reject 3 too long", "review reject" },
        { "review", "publish 3", "review publish" },
        { "review", "cancel 3", "review cancel" },
        { "review", "resolve 3 called the patient back", "review resolve" },
        { "review", "escalate 3", "review escalate" },
        { "posting", "plan 3/week facebook instagram", "posting plan" },
        { "posting", "plan off", "posting plan" },
        { "posting", "volunteer", "posting volunteer" },
        { "posting", "optout", "posting optout" },
        { "posting", "away 2026-12-21 2026-12-28", "posting away" },
        { "posting", "done https://facebook.com/p/1", "posting done" },
        { "posting", "done", "posting done" },
        { "posting", "skip", "posting skip" },
        { "posting", "swap @jane", "posting swap" },
        { "posting", "schedule", "posting schedule" },
        { "posting", "ideas", "posting ideas" },
        { "practice", "setup \"Sunrise Family Medicine\" America/Chicago", "practice setup" },
        { "practice", "setup", "practice setup" },
        { "practice", "role <@U9> responder", "practice role" },
        { "practice", "sources", "practice sources" },
        { "practice", "connect google", "practice connect" },
        { "practice", "connect yelp sunrise-family-medicine-springfield", "practice connect" },
        { "practice", "disconnect facebook", "practice disconnect" },
        { "practice", "checkin", "practice checkin" },
        { "practice", "digest", "practice digest" },
        { "practice", "dashboard", "practice dashboard" },
        { "practice", "settings", "practice settings" },
        { "practice", "settings timezone", "practice settings" },
        { "practice", "set timezone Europe/London", "practice set" },
        { "help", "", "help topics" },
        { "help", "review", "help topics" },
        { "/posting", "skip", "posting skip" },
        { "my", "work", "my work" },
        { "/my", "WORK", "my work" },
    };

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void Parse_GoldenCase_ResolvesRoute(string root, string text, string route)
    {
        // Act
        var result = CommandParser.Parse(root, text);

        // Assert
        Assert.True(result.Succeeded, result.Explain());
        Assert.Null(result.Error);
        Assert.Equal(route, result.Command!.RouteName);
        Assert.Equal($"`{result.Command.Spec.Syntax}`", result.Usage);
    }

    [Fact]
    public void GoldenCases_EveryCatalogCommand_IsHitAtLeastOnce()
    {
        // Arrange
        var expected = CommandCatalog.All.Select(c => c.RouteName).ToHashSet(StringComparer.Ordinal);

        // Act
        var hit = GoldenCases
            .Select(row => CommandParser.Parse((string)row[0], (string)row[1]))
            .Where(r => r.Succeeded)
            .Select(r => r.Command!.RouteName)
            .ToHashSet(StringComparer.Ordinal);

        // Assert
        Assert.Empty(expected.Except(hit).Order(StringComparer.Ordinal));
        Assert.Empty(hit.Except(expected).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_BareReview_ListsWithoutFilter()
    {
        // Act
        var command = ParseOk("review", "");

        // Assert
        Assert.Equal("review list", command.RouteName);
        Assert.False(command.Has("filter"));
    }

    [Theory]
    [InlineData("mine", "mine")]
    [InlineData("open", "open")]
    [InlineData("Unanswered", "unanswered")]
    [InlineData("all", "all")]
    public void Parse_ReviewFilter_ListsWithLowercaseFilter(string text, string filter)
    {
        // Act
        var command = ParseOk("review", text);

        // Assert
        Assert.Equal("review list", command.RouteName);
        Assert.Equal(filter, command.Get<string>("filter"));
    }

    [Theory]
    [InlineData("12")]
    [InlineData("#12")]
    [InlineData("  12  ")]
    public void Parse_ReviewNumberAlone_ShowsThatReview(string text)
    {
        // Act
        var command = ParseOk("review", text);

        // Assert
        Assert.Equal("review show", command.RouteName);
        Assert.Equal(12, command.ReviewNumber());
    }

    [Fact]
    public void Parse_ClaimWithFullMention_ReadsIdAndNameWithSpaces()
    {
        // Act
        var command = ParseOk("review", "claim 12 <@U2|Ann Lee>");

        // Assert
        Assert.Equal("review claim", command.RouteName);
        Assert.Equal(12, command.ReviewNumber());
        Assert.Equal(new UserRef("U2", "Ann Lee"), command.Get<UserRef>("user"));
    }

    [Theory]
    [InlineData("claim 5 <@U7>", "U7", null)]
    [InlineData("claim 5 @jane", null, "jane")]
    public void Parse_ClaimWithOtherMentionForms_ReadsUser(string text, string? id, string? name)
    {
        // Act
        var command = ParseOk("review", text);

        // Assert
        Assert.Equal(new UserRef(id, name), command.Get<UserRef>("user"));
    }

    [Fact]
    public void Parse_ClaimWithoutUser_HasNoUser()
    {
        // Act
        var command = ParseOk("review", "claim 12");

        // Assert
        Assert.Equal(12, command.ReviewNumber());
        Assert.False(command.Has("user"));
    }

    [Theory]
    [InlineData("reply 12 Thank you for the kind words!", "Thank you for the kind words!")]
    [InlineData("reply 12   Thank  you,   truly:  (really) !  ", "Thank  you,   truly:  (really) !")]
    [InlineData("reply 12 \"quoted text\"", "quoted text")]
    [InlineData("reply 12 \u201Clike this\u201D", "like this")]
    [InlineData("reply 12 \"Great\" care, thank you", "\"Great\" care, thank you")]
    [InlineData("reply 12 Line one\nLine two", "Line one\nLine two")]
    [InlineData("reply 12 \"Dr. Smith was great", "\"Dr. Smith was great")]
    [InlineData("reply 12 Thanks <@U1> & team — see https://x.org/a?b=1#c", "Thanks <@U1> & team — see https://x.org/a?b=1#c")]
    public void Parse_ReplyWithText_KeepsTextVerbatim(string text, string expected)
    {
        // Act
        var command = ParseOk("review", text);

        // Assert
        Assert.Equal("review reply", command.RouteName);
        Assert.Equal(12, command.ReviewNumber());
        Assert.Equal(expected, command.Text("text"));
    }

    [Fact]
    public void Parse_ReplyWithoutText_HasNoText()
    {
        // Act
        var command = ParseOk("review", "reply 12");

        // Assert
        Assert.Null(command.Text("text"));
    }

    [Theory]
    [InlineData("approve 3 looks good", "review approve", "reason", "looks good")]
    [InlineData("reject 3 please be less formal", "review reject", "reason", "please be less formal")]
    [InlineData("resolve 3 called them back", "review resolve", "note", "called them back")]
    [InlineData("escalate 3 billing complaint", "review escalate", "note", "billing complaint")]
    public void Parse_IdThenFreeText_ReadsBoth(string text, string route, string name, string expected)
    {
        // Act
        var command = ParseOk("review", text);

        // Assert
        Assert.Equal(route, command.RouteName);
        Assert.Equal(3, command.ReviewNumber());
        Assert.Equal(expected, command.Text(name));
    }

    [Theory]
    [InlineData("release 7", "review release")]
    [InlineData("publish 7", "review publish")]
    [InlineData("cancel #7", "review cancel")]
    [InlineData("CLAIM 7", "review claim")]
    public void Parse_VerbWithId_ReadsId(string text, string route)
    {
        // Act
        var command = ParseOk("review", text);

        // Assert
        Assert.Equal(route, command.RouteName);
        Assert.Equal(7, command.ReviewNumber());
    }

    [Fact]
    public void Parse_PostingPlanWithNetworks_ReadsRateAndNetworks()
    {
        // Act
        var command = ParseOk("posting", "plan 3/week facebook instagram");

        // Assert
        Assert.Equal("posting plan", command.RouteName);
        Assert.Equal(new PostingRate(3), command.Get<PostingRate>("rate"));
        Assert.Equal(["facebook", "instagram"], command.Get<IReadOnlyList<string>>("networks"));
    }

    [Fact]
    public void Parse_PostingPlanWithCommasAndCaps_NormalisesNetworks()
    {
        // Act
        var command = ParseOk("posting", "plan 2/week Facebook, LinkedIn, facebook");

        // Assert
        Assert.Equal(["facebook", "linkedin"], command.Get<IReadOnlyList<string>>("networks"));
    }

    [Fact]
    public void Parse_PostingPlanOff_ReadsOff()
    {
        // Act
        var command = ParseOk("posting", "plan off");

        // Assert
        Assert.True(command.Get<PostingRate>("rate").IsOff);
        Assert.False(command.Has("networks"));
    }

    [Fact]
    public void Parse_PostingAwayIsoDates_ReadsDates()
    {
        // Act
        var command = ParseOk("posting", "away 2026-12-21 2026-12-28");

        // Assert
        Assert.Equal(new DateOnly(2026, 12, 21), command.Get<DateOnly>("from"));
        Assert.Equal(new DateOnly(2026, 12, 28), command.Get<DateOnly>("to"));
    }

    [Theory]
    [InlineData("away \"Dec 21 2026\" \"Dec 28 2026\"")]
    [InlineData("away Dec 21 2026 Dec 28 2026")]
    [InlineData("away 21 Dec 2026 28 December 2026")]
    [InlineData("away Dec 21, 2026 2026-12-28")]
    public void Parse_PostingAwaySpelledDates_ReadsDates(string text)
    {
        // Act
        var command = ParseOk("posting", text);

        // Assert
        Assert.Equal(new DateOnly(2026, 12, 21), command.Get<DateOnly>("from"));
        Assert.Equal(new DateOnly(2026, 12, 28), command.Get<DateOnly>("to"));
    }

    [Theory]
    [InlineData("done https://facebook.com/p/1", "https://facebook.com/p/1")]
    [InlineData("done <https://facebook.com/p/1>", "https://facebook.com/p/1")]
    [InlineData("done <https://facebook.com/p/1|facebook.com/p/1>", "https://facebook.com/p/1")]
    public void Parse_PostingDoneWithUrl_ReadsUrl(string text, string url)
    {
        // Act
        var command = ParseOk("posting", text);

        // Assert
        Assert.Equal(new Uri(url), command.Get<Uri>("url"));
    }

    [Fact]
    public void Parse_PostingSwapPlainMention_ReadsName()
    {
        // Act
        var command = ParseOk("posting", "swap @jane");

        // Assert
        Assert.Equal(new UserRef(null, "jane"), command.Get<UserRef>("user"));
    }

    [Theory]
    [InlineData("setup \"Sunrise Family Medicine\" America/Chicago")]
    [InlineData("setup Sunrise Family Medicine America/Chicago")]
    [InlineData("setup \u201CSunrise Family Medicine\u201D America/Chicago")]
    [InlineData("setup Sunrise\u00A0Family\u00A0Medicine\u00A0America/Chicago")]
    [InlineData("setup Sunrise Family Medicine america/chicago")]
    [InlineData("setup   Sunrise   Family Medicine   AMERICA/CHICAGO  ")]
    public void Parse_PracticeSetup_ReadsNameAndCanonicalZone(string text)
    {
        // Act
        var command = ParseOk("practice", text);

        // Assert
        Assert.Equal("practice setup", command.RouteName);
        Assert.Equal(new NameAndTimeZone("Sunrise Family Medicine", "America/Chicago"), command.Get<NameAndTimeZone>("name"));
    }

    [Theory]
    [InlineData("setup Sunrise Family Medicine", "Sunrise Family Medicine", null)]
    [InlineData("setup Europe/London", null, "Europe/London")]
    [InlineData("setup Acme utc", "Acme", "UTC")]
    public void Parse_PracticeSetupPartial_ReadsWhatWasGiven(string text, string? name, string? zone)
    {
        // Act
        var command = ParseOk("practice", text);

        // Assert
        Assert.Equal(new NameAndTimeZone(name, zone), command.Get<NameAndTimeZone>("name"));
    }

    [Fact]
    public void Parse_PracticeSetupBare_HasNoName()
    {
        // Act
        var command = ParseOk("practice", "setup");

        // Assert
        Assert.False(command.Has("name"));
    }

    [Theory]
    [InlineData("role <@U9> responder", Role.Responder, false)]
    [InlineData("role <@U9> -responder", Role.Responder, true)]
    [InlineData("role <@U9|Dr Who> Manager", Role.Manager, false)]
    [InlineData("role <@U9> -poster", Role.Poster, true)]
    public void Parse_PracticeRole_ReadsUserAndRoleChange(string text, Role role, bool remove)
    {
        // Act
        var command = ParseOk("practice", text);

        // Assert
        Assert.Equal("practice role", command.RouteName);
        Assert.Equal("U9", command.Get<UserRef>("user").Id);
        Assert.Equal(new RoleChange(role, remove), command.Get<RoleChange>("role"));
    }

    [Fact]
    public void Parse_PracticeSettingsTimezone_ReadsKeyAndValue()
    {
        // Act
        var command = ParseOk("practice", "set timezone Europe/London");

        // Assert
        Assert.Equal("practice set", command.RouteName);
        Assert.Equal("timezone", command.Get<string>("setting"));
        Assert.Equal("Europe/London", command.Text("value"));
    }

    [Fact]
    public void Parse_PracticeSettingsName_KeepsValueVerbatim()
    {
        // Act
        var command = ParseOk("practice", "set name Sunrise  Family Medicine, P.C.");

        // Assert
        Assert.Equal("name", command.Get<string>("setting"));
        Assert.Equal("Sunrise  Family Medicine, P.C.", command.Text("value"));
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("review", "review")]
    [InlineData("Posting", "posting")]
    [InlineData("practice", "practice")]
    public void Parse_Help_ReadsOptionalTopic(string text, string? topic)
    {
        // Act
        var command = ParseOk("help", text);

        // Assert
        Assert.Equal("help topics", command.RouteName);
        Assert.Equal(topic, command.Find<string>("topic"));
    }

    [Fact]
    public void ParseLine_ReviewClaim_ReadsRootVerbAndId()
    {
        // Act
        var result = CommandParser.ParseLine("review claim 5");

        // Assert
        Assert.True(result.Succeeded, result.Explain());
        Assert.Equal("review claim", result.Command!.RouteName);
        Assert.Equal(5, result.Command.ReviewNumber());
    }

    [Fact]
    public void ParseLine_SlashCommand_StripsSlash()
    {
        // Act
        var result = CommandParser.ParseLine("/practice settings");

        // Assert
        Assert.True(result.Succeeded, result.Explain());
        Assert.Equal("practice settings", result.Command!.RouteName);
        Assert.False(result.Command.Has("key"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("help")]
    public void ParseLine_EmptyOrHelp_GivesHelp(string line)
    {
        // Act
        var result = CommandParser.ParseLine(line);

        // Assert
        Assert.True(result.Succeeded, result.Explain());
        Assert.Equal("help topics", result.Command!.RouteName);
    }

    [Fact]
    public void ParseLine_ReplyText_KeepsTextVerbatim()
    {
        // Act
        var result = CommandParser.ParseLine("  review   reply 9   Thanks,  Ann!  ");

        // Assert
        Assert.True(result.Succeeded, result.Explain());
        Assert.Equal("Thanks,  Ann!", result.Command!.Text("text"));
    }

    [Fact]
    public void ParseLine_NonBreakingSpaces_SplitWords()
    {
        // Act
        var result = CommandParser.ParseLine("review\u00A0claim\u00A012\u00A0<@U2|Ann\u00A0Lee>");

        // Assert
        Assert.True(result.Succeeded, result.Explain());
        Assert.Equal(12, result.Command!.ReviewNumber());
        Assert.Equal("U2", result.Command.Get<UserRef>("user").Id);
    }

    [Fact]
    public void ParseLine_QuotedRoot_IsReadAsRoot()
    {
        // Act
        var result = CommandParser.ParseLine("\u201Creview\u201D 12");

        // Assert
        Assert.True(result.Succeeded, result.Explain());
        Assert.Equal("review show", result.Command!.RouteName);
    }

    private static CommandInvocation ParseOk(string root, string text)
    {
        var result = CommandParser.Parse(root, text);
        Assert.True(result.Succeeded, $"'{root} {text}' failed: {result.Explain()}");
        return result.Command!;
    }
}
