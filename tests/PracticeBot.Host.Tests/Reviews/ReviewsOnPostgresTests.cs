using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Adapters.Reviews.Webhook;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Reviews.Sources;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Reviews;

/// <summary>The webhook's dedupe and number allocation on PostgreSQL, with concurrent deliveries.</summary>
public sealed class ReviewsOnPostgresTests
{
    [PostgresFact]
    public async Task Webhook_ConcurrentDeliveriesOnPostgres_StoreEachReviewOnceWithDistinctNumbers()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await using var factory = new BotFactory(BotFactory.Postgres(database, ("Demo:Enabled", "false"), ("Sources:Webhook:Secret", "s")));
            using var http = factory.CreateClient();
            await factory.Services.GetRequiredService<BotDispatcher>().DispatchAsync(new CommandReceived(
                new ConversationReference(Platforms.Slack, "T1", "C1"), new ChatUser("U-owner", "Owner"), "practice", "setup Sunrise America/Chicago"));

            // Ten requests at once, each with 20 reviews overlapping the next request's: 110 distinct reviews.
            var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(async r =>
            {
                var items = Enumerable.Range(r * 11, 20).Select(i =>
                    $$"""{"practice":"sunrise","source":"vitals","externalId":"v-{{i}}","rating":{{1 + i % 5}},"createdAt":"2026-11-20T14:03:00Z"}""");
                var body = Encoding.UTF8.GetBytes("[" + string.Join(",", items) + "]");
                using var request = new HttpRequestMessage(HttpMethod.Post, ReviewWebhookApi.Path) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.TryAddWithoutValidation(WebhookSignature.Header, WebhookSignature.Sign(body, "s"));
                return (await http.SendAsync(request)).StatusCode;
            }));

            Assert.All(responses, s => Assert.Equal(HttpStatusCode.OK, s));
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
            var numbers = await db.Reviews.Select(r => r.Number).ToListAsync();
            Assert.Equal(119, numbers.Count);
            Assert.Equal(Enumerable.Range(1, 119), numbers.Order());
            Assert.Equal(119, await db.Outbox.CountAsync(o => o.CardKey != null));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }
}
