using PracticeBot.Core.Conversation.Messages;

namespace PracticeBot.Core.Tests.Conversation;

public sealed class OutsideTextTests
{
    private static string Upper(string own) => own.ToUpperInvariant();

    private static string Bracket(string outside) => $"[{outside}]";

    [Fact]
    public void Render_MixedText_SendsOwnPartsAndOutsideSpansToTheirOwnFunctions()
    {
        var text = $"by {OutsideText.Mark("ann")} on {OutsideText.Mark("yelp")}.";

        var rendered = OutsideText.Render(text, Upper, Bracket);

        Assert.Equal("BY [ann] ON [yelp].", rendered);
    }

    [Fact]
    public void Render_OwnMarkupAroundASpan_SeesTheWholeOwnTextAtOnce()
    {
        var text = $"*{OutsideText.Mark("a*b")}*";
        string? seen = null;

        OutsideText.Render(text, own => seen = own, outside => outside);

        // The bot's bold pairs up around the span; the star inside the span is not part of what the bot's markup sees.
        Assert.Equal($"*{OutsideText.Open}0{OutsideText.Close}*", seen);
    }

    [Fact]
    public void Mark_TextWithForgedMarks_CannotCloseItsSpanEarly()
    {
        var forged = $"x{OutsideText.Close}<!channel>{OutsideText.Open}y";

        var rendered = OutsideText.Render(OutsideText.Mark(forged), Upper, Bracket);

        Assert.Equal("[x<!channel>y]", rendered);
    }

    [Fact]
    public void Render_SpanCutOpenByTruncation_RunsToTheEndAsOutsideText()
    {
        var cut = OutsideText.Mark("<!here> and more")[..8];

        var rendered = OutsideText.Render("hi " + cut, Upper, Bracket);

        Assert.Equal("HI [<!here>]", rendered);
    }

    [Fact]
    public void Strip_MarkedText_IsTheTextAsWritten()
    {
        Assert.Equal("from <@U1> and *x*", OutsideText.Strip($"from {OutsideText.Mark("<@U1>")} and *{OutsideText.Mark("x")}*"));
    }

    [Fact]
    public void PlainTextRenderer_CardWithOutsideText_ShowsNoMarks()
    {
        var message = new OutboundMessage(OutsideText.Mark("a"), Card.Of(new SectionBlock(OutsideText.Mark("<!channel>"), [new CardField("From", OutsideText.Mark("J"))])));

        var text = PlainTextRenderer.Render(message);

        Assert.Equal("<!channel>\n  From: J", text.ReplaceLineEndings("\n"));
    }
}
