namespace PracticeBot.Core.Posting;

/// <summary>Which network a post's link is on (pure), for posts recorded without a planned network.</summary>
public static class PostingNetworks
{
    private static readonly (string Host, string Network)[] Hosts =
    [
        ("facebook.com", "facebook"), ("fb.com", "facebook"), ("fb.watch", "facebook"),
        ("instagram.com", "instagram"), ("linkedin.com", "linkedin"), ("x.com", "x"), ("twitter.com", "x"),
        ("tiktok.com", "tiktok"), ("youtube.com", "youtube"), ("youtu.be", "youtube"), ("threads.net", "threads"),
        ("threads.com", "threads"), ("nextdoor.com", "nextdoor"), ("google.com", "google"), ("g.page", "google"),
    ];

    public static string? FromUrl(Uri? url)
    {
        if (url is null)
        {
            return null;
        }

        var host = url.Host.ToLowerInvariant();
        return Hosts.FirstOrDefault(h => host == h.Host || host.EndsWith("." + h.Host, StringComparison.Ordinal)).Network;
    }
}
