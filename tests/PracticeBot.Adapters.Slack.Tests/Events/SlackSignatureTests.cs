using System.Text;
using Microsoft.Extensions.Time.Testing;
using PracticeBot.Adapters.Slack.Events;

namespace PracticeBot.Adapters.Slack.Tests.Events;

public sealed class SlackSignatureTests
{
    // Slack's worked example from "Verifying requests from Slack".
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private const string Body =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar" +
        "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com" +
        "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    private static readonly byte[] BodyBytes = Encoding.UTF8.GetBytes(Body);

    private static SlackSignature At(long unixSeconds) => new(Secret, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));

    [Fact]
    public void IsValid_SlacksWorkedExample_True()
    {
        var signature = At(1531420618 + 10);

        Assert.Equal(Expected, signature.Sign(Timestamp, BodyBytes));
        Assert.True(signature.IsValid(Timestamp, Expected, BodyBytes));
    }

    [Theory]
    [InlineData(-300, true)]
    [InlineData(300, true)]
    [InlineData(-301, false)]
    [InlineData(301, false)]
    public void IsValid_ClockSkew_TrueOnlyWithinFiveMinutes(int skewSeconds, bool valid)
    {
        Assert.Equal(valid, At(1531420618 + skewSeconds).IsValid(Timestamp, Expected, BodyBytes));
    }

    [Fact]
    public void IsValid_BodyChangedByOneByte_False()
    {
        var tampered = Encoding.UTF8.GetBytes(Body.Replace("roadrunner", "roadrunnez", StringComparison.Ordinal));

        Assert.False(At(1531420618).IsValid(Timestamp, Expected, tampered));
    }

    [Theory]
    [InlineData(null, Expected)]
    [InlineData("", Expected)]
    [InlineData("not-a-number", Expected)]
    [InlineData("-1531420618", Expected)]
    [InlineData(Timestamp, null)]
    [InlineData(Timestamp, "")]
    [InlineData(Timestamp, "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50")]
    [InlineData(Timestamp, "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData(Timestamp, "V0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503")]
    [InlineData(Timestamp, "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503é")]
    public void IsValid_MissingOrMalformedHeaders_False(string? timestamp, string? signature)
    {
        Assert.False(At(1531420618).IsValid(timestamp, signature, BodyBytes));
    }

    [Fact]
    public void IsValid_OtherSecret_False()
    {
        var other = new SlackSignature("another-secret", new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1531420618)));

        Assert.False(other.IsValid(Timestamp, Expected, BodyBytes));
    }
}
