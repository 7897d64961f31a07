namespace PracticeBot.Host.Tests.Isolation;

/// <summary>What came back to the person who tried: every byte the bot sent them (or sent anywhere) during the attempt.</summary>
/// <param name="Sent">The acknowledgement or HTTP answer, and each call to the platform's fake, as JSON text.</param>
public sealed record AttemptOutcome(IReadOnlyList<string> Sent)
{
    public string All => string.Join("\n", Sent);
}
