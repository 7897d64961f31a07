using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Storage;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Conversation;

public sealed class MemberMiddlewareTests
{
    /// <summary>Found by the endpoint fuzzer: two first messages of one person at once made one of them fail on the unique index.</summary>
    [Fact]
    public async Task Dispatch_SameNewPersonTwiceAtOnce_BothAnsweredAndOneMember()
    {
        await using var bot = await CoreHarness.CreateAsync(onFile: true);
        await bot.CommandAsync("U-owner", "practice setup Sunrise America/Chicago");

        var results = new List<string>();
        for (var round = 0; round < 5; round++)
        {
            var user = $"U-new-{round}";
            var turns = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => bot.CommandAsync(user, "review"))));
            results.AddRange(turns.Select(CoreHarness.Text));
        }

        Assert.DoesNotContain(results, text => text.Contains("something went wrong", StringComparison.Ordinal));
        await using var db = bot.OpenDb();
        var members = await db.Members.IgnoreQueryFilters().Where(m => m.UserId.StartsWith("U-new-")).GroupBy(m => m.UserId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(Enumerable.Repeat(1, 5), members);
    }
}
