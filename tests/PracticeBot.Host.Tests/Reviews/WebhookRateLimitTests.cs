using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Reviews;

/// <summary><c>Sources:Webhook:RateLimit</c>: per practice after the signature, per address before anything is read.</summary>
public sealed class WebhookRateLimitTests : IDisposable
{
    private const string Secret = "rate-limit-secret";
    private readonly TempDatabaseFile _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task Post_OnePracticeOverItsLimit_429ForItAloneAndAcceptedAgainAfterTheWindow()
    {
        // Arrange: two practices, two requests per practice per three seconds
        await using var factory = await StartAsync(("Sources:Webhook:RateLimit:PermitsPerPractice", "2"), ("Sources:Webhook:RateLimit:Window", "00:00:03"));
        using var http = factory.CreateClient();

        // Act: one practice sends until it is refused. However the sends fall across window boundaries, five in less
        // than a window touch at most two windows, so at most four are accepted before the refusal.
        var accepted = 0;
        HttpResponseMessage? refused = null;
        for (var i = 1; i <= 5 && refused is null; i++)
        {
            var response = await PostAsync(http, Review("sunrise-family-medicine", $"s-{i}"));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                accepted++;
            }
            else
            {
                refused = response;
            }
        }

        var other = await PostAsync(http, Review("lakeside-clinic", "l-1"));

        // Assert: the noisy practice waits, the other is not affected, nothing of the refused request was stored
        Assert.NotNull(refused);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(accepted, 2, 4);
        var refusedId = $"s-{accepted + 1}";
        var wait = refused.Headers.RetryAfter?.Delta;
        Assert.True(wait is { TotalSeconds: >= 1 and <= 3 }, $"Retry-After {wait}");
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;
        Assert.Contains("sunrise-family-medicine", problem, StringComparison.Ordinal);
        Assert.Contains("Nothing in this request was stored", problem, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(0, await CountAsync(factory, refusedId));

        // Act: the sender does what the answer says
        await Task.Delay(wait!.Value + TimeSpan.FromMilliseconds(300));
        var again = await PostAsync(http, Review("sunrise-family-medicine", refusedId));

        // Assert
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, await CountAsync(factory, refusedId));
    }

    [Fact]
    public async Task Post_OneAddressOverItsLimit_429BeforeTheSignatureIsChecked()
    {
        await using var factory = await StartAsync(("Sources:Webhook:RateLimit:PermitsPerAddress", "3"), ("Sources:Webhook:RateLimit:Window", "00:01:00"));
        using var http = factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(http, Review("sunrise-family-medicine", $"x-{i}"), secret: "wrong")).StatusCode);
        }

        var refused = await PostAsync(http, Review("sunrise-family-medicine", "x-4"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("Too many webhook requests from this address", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(factory, "x-4"));
    }

    private async Task<BotFactory> StartAsync(params (string Key, string? Value)[] limits)
    {
        var factory = new BotFactory(BotFactory.Sqlite(_file.Path,
            [("Demo:Enabled", "false"), ("Sources:Webhook:Secret", Secret), .. limits]));
        var dispatcher = factory.Services.GetRequiredService<BotDispatcher>();
        foreach (var (team, name) in new[] { ("T-sunrise", "Sunrise Family Medicine"), ("T-lakeside", "Lakeside Clinic") })
        {
            await dispatcher.DispatchAsync(new CommandReceived(new ConversationReference(Platforms.Slack, team, "C-reviews"), new ChatUser("U-owner", "Owner"),
                "practice", $"setup \"{name}\" America/Chicago"));
        }

        return factory;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string json, string secret = Secret) =>
        http.SendAsync(SignedRequests.Webhook("http://localhost", json, secret));

    private static async Task<int> CountAsync(BotFactory factory, string externalId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        db.PracticeScope = null;
        return await db.Reviews.IgnoreQueryFilters().CountAsync(r => r.ExternalId == externalId);
    }

    private static string Review(string practice, string id) =>
        $$"""{"practice": "{{practice}}", "source": "healthgrades", "externalId": "{{id}}", "rating": 4, "author": "J. D.", "text": "Kind staff.", "createdAt": "2026-11-20T14:03:00Z"}""";
}
