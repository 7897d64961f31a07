using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.CheckIns;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;

namespace PracticeBot.Host.Tests.Reviews.Connect;

/// <summary>
/// The weekly digest's Facebook page line, through the real host and the real Graph client against <see cref="FakeFacebook"/>:
/// followers and their change since last week's check-in, posts published in the week with their comments and
/// reactions, and the permission to grant when Facebook withholds them.
/// </summary>
public sealed class PageHealthTests : IDisposable
{
    private static readonly ConversationReference Channel = new(Platforms.Slack, "T-connect", "C-reviews");
    private readonly TempDatabaseFile _file = new();

    [Fact]
    public async Task WeeklyCheckIn_ShowsFollowersAndTheirChangeAndThisWeeksPostsWithCommentsAndReactions()
    {
        await using var facebook = await FakeFacebook.StartAsync();
        var now = DateTimeOffset.UtcNow;
        facebook.Posts.Enqueue(Post(now.AddDays(-2), comments: 3, reactions: 11));
        facebook.Posts.Enqueue(Post(now.AddDays(-4), comments: 2, reactions: 6));
        facebook.Posts.Enqueue(Post(now.AddDays(-12), comments: 40, reactions: 90));
        await using var factory = FacebookConnectTests.HostOn(_file.Path, facebook);
        var bot = factory.Services.GetRequiredService<BotDispatcher>();
        await bot.DispatchAsync(new CommandReceived(Channel, new ChatUser("U-owner"), "practice", "setup \"Connect Clinic\" America/Chicago"));
        await FacebookConnectTests.ConnectAsync(factory, bot, facebook);

        facebook.Followers = 1200;
        await bot.DispatchAsync(ScheduleFired.Create(CheckInSchedules.Weekly, 1, now.AddDays(-7)));
        facebook.Followers = 1240;
        await bot.DispatchAsync(ScheduleFired.Create(CheckInSchedules.Weekly, 1, now));

        var week = CheckInWeek.KeyOf(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago")).DateTime));
        OutboundMessage? digest = null;
        await Eventually.TrueAsync(() => (digest = factory.Slack.Sent.Select(s => s.Message).FirstOrDefault(m => m.CardKey == $"checkin:{week}")) is not null,
            "this week's digest is posted", 10);
        var text = PlainTextRenderer.Render(digest!);
        Assert.Contains("Facebook page", text, StringComparison.Ordinal);
        Assert.Contains("Sunrise Family Medicine", text, StringComparison.Ordinal);
        Assert.Contains("1,240 followers (+40 since last week)", text, StringComparison.Ordinal);
        Assert.Contains("2 posts published, with 5 comments and 17 reactions", text, StringComparison.Ordinal);
        Assert.Contains(facebook.Api.Requests, r => r.Path == $"/{FakeFacebook.Version}/{FakeFacebook.PageId}/posts"
            && r.Authorization == "Bearer " + FakeFacebook.PageToken && r.Q("since") is not null && r.Q("until") is not null);
    }

    [Fact]
    public async Task Digest_WhenFacebookWithholdsThePosts_SaysWhichPermissionToGrant()
    {
        await using var facebook = await FakeFacebook.StartAsync();
        facebook.PostsNeedPermission = true;
        await using var factory = FacebookConnectTests.HostOn(_file.Path, facebook);
        var bot = factory.Services.GetRequiredService<BotDispatcher>();
        await bot.DispatchAsync(new CommandReceived(Channel, new ChatUser("U-owner"), "practice", "setup \"Connect Clinic\" America/Chicago"));
        await FacebookConnectTests.ConnectAsync(factory, bot, facebook);

        var result = await bot.DispatchAsync(new CommandReceived(Channel, new ChatUser("U-owner"), "practice", "digest"));

        var text = string.Join("\n", result.Replies.Select(r => PlainTextRenderer.Render(r.Message)));
        Assert.Contains("Grant the `pages_read_engagement` permission", text, StringComparison.Ordinal);
        Assert.Contains("practice connect facebook", text, StringComparison.Ordinal);
    }

    public void Dispose() => _file.Dispose();

    private static JsonObject Post(DateTimeOffset created, int comments, int reactions) => new()
    {
        ["id"] = $"{FakeFacebook.PageId}_{created.ToUnixTimeSeconds()}",
        ["created_time"] = created.ToString("yyyy-MM-dd'T'HH:mm:ss'+0000'"),
        ["comments"] = new JsonObject { ["data"] = new JsonArray(), ["summary"] = new JsonObject { ["order"] = "ranked", ["total_count"] = comments, ["can_comment"] = true } },
        ["reactions"] = new JsonObject { ["data"] = new JsonArray(), ["summary"] = new JsonObject { ["total_count"] = reactions, ["viewer_reaction"] = "NONE" } },
    };
}
