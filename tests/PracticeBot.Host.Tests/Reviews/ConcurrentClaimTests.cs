using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Reviews;

/// <summary>Fifty people press Claim on one review at the same moment, on PostgreSQL: one owner, 49 clear refusals.</summary>
public sealed class ConcurrentClaimTests
{
    private static readonly ConversationReference Channel = new(Platforms.Slack, "T-claims", "C-reviews");

    [PostgresFact]
    public async Task Claim_FiftyPeopleAtOnceOnPostgres_ExactlyOneOwner()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await using var factory = new BotFactory(BotFactory.Postgres(database, ("Demo:Enabled", "false")));
            var dispatcher = factory.Services.GetRequiredService<BotDispatcher>();
            await dispatcher.DispatchAsync(new CommandReceived(Channel, new ChatUser("U-owner"), "practice", "setup Claims America/Chicago"));
            var people = Enumerable.Range(1, 50).Select(i => $"U-r{i}").ToList();
            foreach (var person in people)
            {
                await dispatcher.DispatchAsync(new CommandReceived(Channel, new ChatUser("U-owner"), "practice", $"role <@{person}> responder"));
            }

            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
                var practice = await db.Practices.SingleAsync();
                db.Reviews.Add(new Review
                {
                    PracticeId = practice.Id, Number = 1, Source = "google", ExternalId = "g-1", Rating = 1, Text = "Long wait.",
                    CreatedAt = DateTimeOffset.UnixEpoch, ReceivedAt = DateTimeOffset.UnixEpoch, Status = ReviewStatus.New,
                });
                await db.SaveChangesAsync();
            }

            var results = await Task.WhenAll(people.Select(p => dispatcher.DispatchAsync(new ActionInvoked(
                Channel, new ChatUser(p), ReviewActions.Claim, "1", new Dictionary<string, string>()))));

            await using var check = factory.Services.CreateAsyncScope();
            var verify = check.ServiceProvider.GetRequiredService<PracticeBotDb>();
            var review = await verify.Reviews.SingleAsync();
            var owner = await verify.Members.SingleAsync(m => m.Id == review.ClaimedByMemberId);
            var texts = results.Select(r => string.Join("\n", r.Replies.Select(x => PlainTextRenderer.Render(x.Message)))).ToList();
            Assert.Equal(49, texts.Count(t => t.Contains($"already claimed by <@{owner.UserId}>", StringComparison.Ordinal)));
            Assert.Equal(1, await verify.AuditEntries.CountAsync(a => a.Action == "review.claimed"));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }
}
