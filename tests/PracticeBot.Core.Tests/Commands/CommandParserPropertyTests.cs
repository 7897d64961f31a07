using System.Globalization;
using CsCheck;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Posting;

namespace PracticeBot.Core.Tests.Commands;

public sealed class CommandParserPropertyTests
{
    private const int Iterations = 400;

    private static readonly string[] Pieces =
    [
        " ", "  ", "\t", "\n", "\r\n", "\u00A0", "\u2003", "\"", "\u201C", "\u201D", "'", "`",
        "<@", ">", "|", "/", "#", "-", ",", "@", "<", "<@U1>", "<@U2|Ann Lee>", "<@|>", "<@ >", "@jane",
        "0", "1", "12", "-3", "#12", "##", "999999999", "99999999999", "3/week", "30/week", "/week", "3/", "off",
        "review", "posting", "practice", "help", "/review", "claim", "reply", "approve", "plan", "away", "done",
        "swap", "setup", "role", "settings", "timezone", "name", "mine", "open", "facebook", "-poster", "wizard",
        "America/Chicago", "america/chicgo", "UTC", "Etc/GMT+5", "2026-12-21", "Dec", "21,", "2026",
        "https://x.org/p?q=1", "<https://x.org|x>", "http://", "file:///etc/passwd", "é", "ß", "İ", "😀", "\u200B",
        "\uD800", "\uDC00", "\0",
    ];

    private static readonly Gen<string> Piece = Gen.Frequency(
        (4, Gen.OneOf(Pieces)),
        (1, Gen.Char.Select(c => c.ToString())),
        (1, Gen.String));

    private static readonly Gen<string> Noise = Piece.Array[0, 24].Select(string.Concat);

    private static readonly Gen<string> LongNoise =
        Gen.Char["ab <@>|/#-\"\u201C12 \u00A0"].Array[1_000, 6_000].Select(chars => new string(chars));

    private static readonly Gen<string> AnyText = Gen.Frequency((9, Noise), (1, LongNoise));

    private static readonly Gen<string> Root = Gen.OneOf(
        "review", "posting", "practice", "help", "/review", "/posting", "PRACTICE", " help ", "reviews", "", "<@U1>", "\"review");

    private static readonly Gen<string> Word =
        Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.&'é"].Array[1, 12].Select(chars => new string(chars));

    private static readonly string[] KnownZones =
        ["America/Chicago", "America/New_York", "Europe/London", "Asia/Kolkata", "Australia/Sydney", "UTC"];

    [Fact]
    public void Parse_AnyRootAndText_ReturnsCommandOrErrorWithUsage()
    {
        Gen.Select(Root, AnyText).Sample(
            (root, text) => AssertWellFormed(CommandParser.Parse(root, text)),
            iter: Iterations);
    }

    [Fact]
    public void Parse_EveryCatalogVerbWithAnyArguments_ReturnsCommandOrErrorWithUsage()
    {
        var verbs = CommandCatalog.All.Select(c => (c.Root, Verb: c.Implicit ? "" : c.Verb)).ToArray();

        Gen.Select(Gen.OneOf(verbs), AnyText).Sample(
            (verb, text) =>
            {
                var result = CommandParser.Parse(verb.Root, $"{verb.Verb} {text}");

                AssertWellFormed(result);
            },
            iter: Iterations);
    }

    [Fact]
    public void ParseLine_AnyLine_ReturnsCommandOrErrorWithUsage()
    {
        Gen.Select(Root, AnyText, Gen.Bool).Sample(
            (root, text, prefixRoot) => AssertWellFormed(CommandParser.ParseLine(prefixRoot ? $"{root} {text}" : text)),
            iter: Iterations);
    }

    [Fact]
    public void ParseLine_SameAsParseAfterRootWord()
    {
        var roots = Gen.OneOf("review", "posting", "practice", "help");

        Gen.Select(roots, Noise).Sample(
            (root, text) =>
            {
                var viaLine = CommandParser.ParseLine($"{root} {text}");
                var viaRoot = CommandParser.Parse(root, $" {text}");

                Assert.Equal(viaRoot.Command?.RouteName, viaLine.Command?.RouteName);
                Assert.Equal(viaRoot.Error, viaLine.Error);
                Assert.Equal(viaRoot.Usage, viaLine.Usage);
            },
            iter: Iterations);
    }

    [Fact]
    public void Parse_ClaimAnyValidNumber_ReadsThatNumber()
    {
        Gen.Select(Gen.Int[1, 999_999_999], Gen.Bool).Sample(
            (n, hash) =>
            {
                var result = CommandParser.Parse("review", $"claim {(hash ? "#" : "")}{n}");

                Assert.True(result.Succeeded, result.Explain());
                Assert.Equal("review claim", result.Command!.RouteName);
                Assert.Equal(n, result.Command.ReviewNumber());
            },
            iter: Iterations);
    }

    [Fact]
    public void Parse_ReviewAnyValidNumber_ShowsThatReview()
    {
        Gen.Int[1, 999_999_999].Sample(
            n =>
            {
                var result = CommandParser.ParseLine($"review {n}");

                Assert.True(result.Succeeded, result.Explain());
                Assert.Equal("review show", result.Command!.RouteName);
                Assert.Equal(n, result.Command.ReviewNumber());
            },
            iter: Iterations);
    }

    [Fact]
    public void Parse_PlanRateInRange_ReadsRate()
    {
        var networks = Gen.OneOf([.. PostingCommands.Networks]).Array[0, 4];

        Gen.Select(Gen.Int[1, 21], Gen.OneOf("week", "Week", "wk", "w"), networks).Sample(
            (k, unit, chosen) =>
            {
                var result = CommandParser.Parse("posting", $"plan {k}/{unit} {string.Join(' ', chosen)}");

                Assert.True(result.Succeeded, result.Explain());
                Assert.Equal(new PostingRate(k), result.Command!.Get<PostingRate>("rate"));
                if (chosen.Length > 0)
                {
                    Assert.Equal(chosen.Distinct(), result.Command.Get<IReadOnlyList<string>>("networks"));
                }
            },
            iter: Iterations);
    }

    [Fact]
    public void Parse_PlanRateOutOfRange_FailsWithPlanUsage()
    {
        Gen.OneOf(Gen.Int[22, 999], Gen.Const(0)).Sample(
            k =>
            {
                var result = CommandParser.Parse("posting", $"plan {k}/week");

                Assert.False(result.Succeeded);
                Assert.Contains("1 to 21", result.Error, StringComparison.Ordinal);
                Assert.StartsWith($"`{CommandCatalog.ByRouteName("posting plan").Syntax}`", result.Usage, StringComparison.Ordinal);
            },
            iter: Iterations);
    }

    [Fact]
    public void Parse_ReplyAnyUnquotedText_KeepsTextVerbatim()
    {
        var text = Noise.Where(t => t.Trim().Length == 0 || !IsQuote(t.Trim()[0]));

        Gen.Select(Gen.Int[1, 999_999_999], text).Sample(
            (n, reply) =>
            {
                var result = CommandParser.Parse("review", $"reply {n} {reply}");

                Assert.True(result.Succeeded, result.Explain());
                Assert.Equal(n, result.Command!.ReviewNumber());
                Assert.Equal(reply.Trim() is { Length: > 0 } trimmed ? trimmed : null, result.Command.Text("text"));
            },
            iter: Iterations);
    }

    [Fact]
    public void ParseLine_ReplyAnyUnquotedText_KeepsTextVerbatim()
    {
        var text = Noise.Where(t => t.Trim().Length > 0 && !IsQuote(t.Trim()[0]));

        Gen.Select(Gen.Int[1, 999_999_999], text).Sample(
            (n, reply) =>
            {
                var result = CommandParser.ParseLine($"review reply {n} {reply}");

                Assert.True(result.Succeeded, result.Explain());
                Assert.Equal(reply.Trim(), result.Command!.Text("text"));
            },
            iter: Iterations);
    }

    [Fact]
    public void Parse_ReplyTextStartingWithQuote_KeepsQuotesUnlessTheyWrapItAll()
    {
        var inner = Noise.Select(t => new string([.. t.Where(c => !IsQuote(c))]).Trim()).Where(t => t.Length > 0);

        Gen.Select(inner, Gen.Bool).Sample(
            (quoted, wrapped) =>
            {
                var reply = wrapped ? $"\u201C{quoted}\u201D" : $"\"{quoted}";

                var result = CommandParser.Parse("review", $"reply 5 {reply}");

                Assert.True(result.Succeeded, result.Explain());
                Assert.Equal(wrapped ? quoted : reply, result.Command!.Text("text"));
            },
            iter: Iterations);
    }

    [Fact]
    public void Parse_ClaimWithAnyMention_ReadsIdAndName()
    {
        var id = Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"].Array[1, 11].Select(chars => "U" + new string(chars));
        var name = Word.Array[1, 4].Select(words => string.Join(' ', words));

        Gen.Select(id, name).Sample(
            (userId, userName) =>
            {
                var result = CommandParser.Parse("review", $"claim 3 <@{userId}|{userName}>");

                Assert.True(result.Succeeded, result.Explain());
                Assert.Equal(new UserRef(userId, userName), result.Command!.Get<UserRef>("user"));
            },
            iter: Iterations);
    }

    [Fact]
    public void Parse_SetupAnyNameAndZone_ReadsNameAndCanonicalZone()
    {
        var name = Word.Array[1, 6];
        var zone = Gen.Select(Gen.OneOf(KnownZones), Gen.Bool).Select((z, upper) => (Canonical: z, Typed: upper ? z.ToUpperInvariant() : z.ToLowerInvariant()));

        Gen.Select(name, zone, Gen.Bool).Sample(
            (words, z, quoted) =>
            {
                var typedName = string.Join(' ', words);
                var text = quoted ? $"setup \"{typedName}\" {z.Typed}" : $"setup {typedName} {z.Typed}";

                var result = CommandParser.Parse("practice", text);

                Assert.True(result.Succeeded, result.Explain());
                Assert.Equal(new NameAndTimeZone(typedName, z.Canonical), result.Command!.Get<NameAndTimeZone>("name"));
            },
            iter: Iterations);
    }

    [Fact]
    public void Parse_AwayAnyIsoDates_ReadsDates()
    {
        var date = Gen.Int[0, 3_650].Select(days => new DateOnly(2025, 1, 1).AddDays(days));

        Gen.Select(date, date).Sample(
            (from, to) =>
            {
                var result = CommandParser.Parse(
                    "posting",
                    $"away {from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {to.ToString("MMM d yyyy", CultureInfo.InvariantCulture)}");

                Assert.True(result.Succeeded, result.Explain());
                Assert.Equal(from, result.Command!.Get<DateOnly>("from"));
                Assert.Equal(to, result.Command.Get<DateOnly>("to"));
            },
            iter: Iterations);
    }

    private static bool IsQuote(char c) => c is '"' or '\u201C' or '\u201D';

    private static void AssertWellFormed(CommandParseResult result)
    {
        Assert.NotNull(result);
        Assert.False(string.IsNullOrWhiteSpace(result.Usage));
        if (result.Succeeded)
        {
            Assert.Null(result.Error);
            Assert.Contains(result.Command!.Spec, CommandCatalog.All);
            Assert.Equal($"`{result.Command.Spec.Syntax}`", result.Usage);
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(result.Error));
            Assert.Null(result.Command);
        }
    }
}
