namespace PracticeBot.Core.Hosting;

/// <summary>The links of a bot whose public address is not configured: the bare path.</summary>
public sealed class RelativeLinks : IPublicLinks
{
    public string To(string pathAndQuery) => pathAndQuery;
}
