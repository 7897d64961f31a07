using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Commands;

namespace PracticeBot.Core.Tests.Commands;

public sealed class CommandParserMalformedTests
{
    /// <summary>Root, text, the route whose usage line must be shown, and a fragment the error must contain.</summary>
    public static TheoryData<string, string, string, string> MalformedCases => new()
    {
        { "review", "claim", "review claim", "review number" },
        { "review", "claim abc", "review claim", "`abc` isn't a review number" },
        { "review", "claim 0", "review claim", "`0` isn't a review number" },
        { "review", "claim -3", "review claim", "`-3` isn't a review number" },
        { "review", "claim 99999999999", "review claim", "`99999999999` isn't a review number" },
        { "review", "claim 12 jane", "review claim", "`jane` isn't a person" },
        { "review", "claim 12 <@U1> extra", "review claim", "doesn't take `extra`" },
        { "review", "reply", "review reply", "review number" },
        { "review", "reply twelve thanks", "review reply", "`twelve` isn't a review number" },
        { "review", "approve #", "review approve", "`#` isn't a review number" },
        { "review", "release 1 2", "review release", "doesn't take `2`" },
        { "posting", "plan", "posting plan", "a rate like `3/week`" },
        { "posting", "plan 0/week", "posting plan", "1 to 21 posts a week" },
        { "posting", "plan 30/week", "posting plan", "1 to 21 posts a week" },
        { "posting", "plan 3/month", "posting plan", "`3/month` isn't a rate" },
        { "posting", "plan 3/week myspace", "posting plan", "`myspace` isn't one of" },
        { "posting", "away tomorrow", "posting away", "`tomorrow` isn't a date" },
        { "posting", "away 2026-12-21", "posting away", "needs a date" },
        { "posting", "away 2026-02-30 2026-03-02", "posting away", "`2026-02-30` isn't a date" },
        { "posting", "done notaurl", "posting done", "`notaurl` isn't a link" },
        { "posting", "done ftp://example.com/x", "posting done", "isn't a link" },
        { "posting", "swap", "posting swap", "a person" },
        { "posting", "swap jane", "posting swap", "`jane` isn't a person" },
        { "posting", "volunteer now", "posting volunteer", "doesn't take `now`" },
        { "practice", "setup Foo America/Chicgo", "practice setup", "`America/Chicgo` isn't a time zone" },
        { "practice", "role <@U1> wizard", "practice role", "`wizard` isn't a role" },
        { "practice", "role <@U1>", "practice role", "needs a role" },
        { "practice", "role wizard <@U1>", "practice role", "`wizard` isn't a person" },
        { "practice", "settings colour blue", "practice settings", "`colour` isn't one of: name, timezone" },
        { "practice", "checkin now", "practice checkin", "doesn't take `now`" },
    };

    [Theory]
    [MemberData(nameof(MalformedCases))]
    public void Parse_MalformedArguments_FailsWithThatCommandsUsage(string root, string text, string route, string problem)
    {
        // Arrange
        var syntax = CommandCatalog.ByRouteName(route).Syntax;

        // Act
        var result = CommandParser.Parse(root, text);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Null(result.Command);
        Assert.Contains(problem, OutsideText.Strip(result.Error), StringComparison.Ordinal);
        Assert.StartsWith($"`{syntax}`", result.Usage, StringComparison.Ordinal);
        Assert.Contains($"For example: `{CommandCatalog.ByRouteName(route).ExampleLine}`", result.Usage, StringComparison.Ordinal);
        Assert.Contains(syntax, result.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MisspelledTimeZone_NamesZoneAndSuggestsIanaForm()
    {
        // Act
        var result = CommandParser.Parse("practice", "setup Foo America/Chicgo");

        // Assert
        Assert.False(result.Succeeded);
        Assert.Contains("America/Chicgo", result.Error, StringComparison.Ordinal);
        Assert.Contains("IANA", result.Error, StringComparison.Ordinal);
        Assert.Contains("`America/Chicago`", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("review", "frobnicate", "frobnicate")]
    [InlineData("review", "mine 12", "mine")]
    [InlineData("posting", "", "needs a sub-command")]
    [InlineData("posting", "frobnicate", "frobnicate")]
    [InlineData("practice", "", "needs a sub-command")]
    [InlineData("practice", "\"setup\"", "setup")]
    [InlineData("help", "frobnicate", "frobnicate")]
    public void Parse_UnknownVerb_FailsWithEveryUsageOfThatRoot(string root, string text, string problem)
    {
        // Arrange
        var syntaxes = CommandCatalog.ForRoot(root).Select(c => c.Syntax).ToList();

        // Act
        var result = CommandParser.Parse(root, text);

        // Assert
        Assert.False(result.Succeeded);
        Assert.Contains(problem, OutsideText.Strip(result.Error), StringComparison.Ordinal);
        Assert.All(syntaxes, syntax => Assert.Contains($"`{syntax}`", result.Usage, StringComparison.Ordinal));
        Assert.DoesNotContain(
            CommandCatalog.All.Where(c => c.Root != root),
            other => result.Usage.Contains($"`{other.Syntax}`", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("reviews")]
    [InlineData("")]
    [InlineData("post")]
    public void Parse_UnknownRoot_FailsListingTheRoots(string root)
    {
        // Act
        var result = CommandParser.Parse(root, "claim 12");

        // Assert
        Assert.False(result.Succeeded);
        Assert.Contains("I don't know the command", result.Error, StringComparison.Ordinal);
        Assert.All(CommandCatalog.Roots, r => Assert.Contains($"`{r}`", result.Usage, StringComparison.Ordinal));
        Assert.Contains("help", result.Usage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reviews", "mine", "Did you mean `review mine`?")]
    [InlineData("postnig", "schedule", "Did you mean `posting schedule`?")]
    [InlineData("review", "claimm 12", "Did you mean `review claim 12`?")]
    [InlineData("review", "relase 12", "Did you mean `review release 12`?")]
    [InlineData("posting", "volunter", "Did you mean `posting volunteer`?")]
    [InlineData("practice", "setings", "Did you mean `practice settings`?")]
    [InlineData("practice", "settings timezon UTC", "Did you mean `timezone`?")]
    [InlineData("help", "reveiw", "Did you mean `help review`?")]
    [InlineData("review", "mnie", "Did you mean `review mine`?")]
    public void Parse_NearACommandWord_SuggestsIt(string root, string text, string suggestion)
    {
        // Act
        var result = CommandParser.Parse(root, text);

        // Assert
        Assert.False(result.Succeeded);
        Assert.EndsWith(suggestion, OutsideText.Strip(result.Error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate", "claim 12")]
    [InlineData("review", "frobnicate")]
    [InlineData("practice", "settings colour blue")]
    [InlineData("x", "")]
    public void Parse_FarFromEveryCommandWord_SuggestsNothing(string root, string text)
    {
        // Act
        var result = CommandParser.Parse(root, text);

        // Assert
        Assert.False(result.Succeeded);
        Assert.DoesNotContain("Did you mean", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseLine_UnknownRoot_NamesIt()
    {
        // Act
        var result = CommandParser.ParseLine("reviews mine");

        // Assert
        Assert.False(result.Succeeded);
        Assert.Contains("`reviews`", OutsideText.Strip(result.Error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"review")]
    [InlineData("\u201C")]
    [InlineData("\"")]
    [InlineData("\"review claim 5")]
    public void ParseLine_UnterminatedQuoteFirst_FailsWithoutThrowing(string line)
    {
        // Act
        var result = CommandParser.ParseLine(line);

        // Assert
        Assert.NotNull(result);
        Assert.False(string.IsNullOrWhiteSpace(result.Usage));
    }

    [Fact]
    public void Parse_NullArguments_FailsWithoutThrowing()
    {
        // Act
        var result = CommandParser.Parse(null!, null!);

        // Assert
        Assert.False(result.Succeeded);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }

    [Fact]
    public void Parse_VeryLongBadWord_TruncatesItInTheError()
    {
        // Arrange
        var word = new string('x', 5000);

        // Act
        var result = CommandParser.Parse("review", $"claim {word}");

        // Assert
        Assert.False(result.Succeeded);
        Assert.True(result.Error!.Length < 200, result.Error);
    }

    [Fact]
    public void Parse_BacktickInBadWord_DoesNotBreakTheCodeSpan()
    {
        // Act
        var result = CommandParser.Parse("review", "claim a`b");

        // Assert
        Assert.False(result.Succeeded);
        Assert.Contains("`a'b`", OutsideText.Strip(result.Error), StringComparison.Ordinal);
        Assert.Contains($"`{OutsideText.Mark("a'b")}`", result.Error, StringComparison.Ordinal); // echoed as outside text
    }
}
