using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Adapters.Reviews.Webhook;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Reviews.Sources;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Reviews;

/// <summary><c>POST /api/reviews/webhook</c> through the real host: signatures, validation, limits, idempotency, surfacing.</summary>
#pragma warning disable CA1001 // disposed in DisposeAsync (xUnit lifetime)
public sealed class ReviewWebhookTests : IAsyncLifetime
{
    private const string Secret = "deployment-secret";
    private static readonly ConversationReference Channel = new(Platforms.Slack, "T-sunrise", "C-reviews");
    private readonly TempDatabaseFile _file = new();
    private BotFactory _factory = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _factory = new BotFactory(BotFactory.Sqlite(_file.Path, ("Demo:Enabled", "false"), ("Sources:Webhook:Secret", Secret)));
        _http = _factory.CreateClient();
        var dispatcher = _factory.Services.GetRequiredService<BotDispatcher>();
        await dispatcher.DispatchAsync(Command("U-owner", "practice", "setup \"Sunrise Family Medicine\" America/Chicago"));
        await dispatcher.DispatchAsync(Command("U-owner", "practice", "role <@U-ann|Ann> responder"));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _factory.DisposeAsync();
        _file.Dispose();
    }

    private static string Review(string id = "hg-123", string rating = "2", string practice = "sunrise-family-medicine") =>
        $$"""
        {"practice": "{{practice}}", "source": "healthgrades", "externalId": "{{id}}", "rating": {{rating}}, "author": "J. D.",
         "text": "Waited an hour and the front desk was rude.", "createdAt": "2026-11-20T14:03:00Z",
         "url": "https://www.healthgrades.com/review/{{id}}", "location": "Main St office"}
        """;

    [Fact]
    public async Task Post_ValidSignedReviewTwice_StoresItOnceAndSurfacesOneCard()
    {
        var first = await PostAsync(Review());
        var second = await PostAsync(Review());

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        var firstBody = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        var secondBody = JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((1, 0), (firstBody.GetProperty("created").GetInt32(), secondBody.GetProperty("created").GetInt32()));
        Assert.Equal(1, secondBody.GetProperty("unchanged").GetInt32());

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        var review = await db.Reviews.SingleAsync();
        Assert.Equal((1, "healthgrades", true, "wait-time"), (review.Number, review.Source, review.Urgent, review.Category));
        await Eventually.TrueAsync(() => Task.FromResult(_factory.Slack.Sent.Any(s => s.Message.CardKey == "review:1")), "the review card to be delivered");
        await Task.Delay(500);
        var cards = _factory.Slack.Sent.Where(s => s.Message.CardKey == "review:1").ToList();
        var card = Assert.Single(cards);
        Assert.Equal(("C-reviews", MessageVisibility.InChannel), (card.Target.Conversation.ChannelId, card.Target.Visibility));
        Assert.Contains("[Open]", PlainTextRenderer.Render(card.Message), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ArrayWithAnEditOfAnEarlierReview_CreatesNewAndUpdatesThePostedCard()
    {
        await PostAsync(Review("hg-1", "4"));
        await Eventually.TrueAsync(() => Task.FromResult(_factory.Slack.Sent.Any(s => s.Message.CardKey == "review:1")), "the first card");

        var response = await PostAsync($"[{Review("hg-1", "1")}, {Review("hg-2", "5")}]");

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((1, 1), (body.GetProperty("created").GetInt32(), body.GetProperty("edited").GetInt32()));
        await Eventually.TrueAsync(() => Task.FromResult(_factory.Slack.Sent.Count(s => s.Message.CardKey == "review:1") == 2), "the card update");
        var update = _factory.Slack.Sent.Last(s => s.Message.CardKey == "review:1");
        Assert.True(update.Message.ReplacesCard);
        Assert.Contains("edited by the reviewer", PlainTextRenderer.Render(update.Message), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sha256=nothex")]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task Post_MissingOrWrongSignature_Is401AndStoresNothing(string? signature)
    {
        var response = await PostAsync(Review(), signature: signature ?? "");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(WebhookSignature.Header, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountReviewsAsync());
    }

    [Fact]
    public async Task Post_MalformedJson_Is400WithPosition()
    {
        var response = await PostAsync("{\"practice\": \"sunrise-family-medicine\", \"source\": ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MissingAndInvalidFields_Is400ListingEachFieldAndStoresNothing()
    {
        var response = await PostAsync($$"""[{{Review("ok-1")}}, {"practice": "sunrise-family-medicine", "source": "vitals", "rating": 9, "createdAt": "last Tuesday"}]""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(["[1].createdAt", "[1].externalId", "[1].rating"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Contains("1 to 5", errors.GetProperty("[1].rating")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountReviewsAsync());
    }

    [Fact]
    public async Task Post_RecommendationInsteadOfRating_IsAccepted()
    {
        var response = await PostAsync("""{"practice": "sunrise-family-medicine", "source": "zapier", "externalId": "z-1", "recommendation": "negative", "createdAt": "2026-11-20T14:03:00+01:00"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_BodyOver256KB_Is413()
    {
        var huge = Review().Replace("Waited an hour", new string('x', 300 * 1024), StringComparison.Ordinal);

        var response = await PostAsync(huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("256 KB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Found by the endpoint fuzzer: a string the JSON parser accepts but that cannot be read as text was a 500.</summary>
    [Theory]
    [InlineData("invalid UTF-8")]
    [InlineData("lone surrogate")]
    public async Task Post_TextThatIsNotUnicode_Is400AndStoresNothing(string damage)
    {
        var json = Review();
        var at = json.IndexOf("Waited", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(json).ToList();
        bytes.InsertRange(Encoding.UTF8.GetByteCount(json[..at]), damage == "invalid UTF-8" ? [0xFF, 0xC3, 0x28] : "\\uD800"u8.ToArray());
        using var request = new HttpRequestMessage(HttpMethod.Post, ReviewWebhookApi.Path) { Content = new ByteArrayContent([.. bytes]) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign([.. bytes], Secret));

        var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UTF-8", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountReviewsAsync());
    }

    [Fact]
    public async Task Post_UnknownPractice_Is404()
    {
        var response = await PostAsync(Review(practice: "nobody-family-medicine"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("nobody-family-medicine", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SignedWithPracticeSecretShownToManager_IsAccepted()
    {
        var dispatcher = _factory.Services.GetRequiredService<BotDispatcher>();
        var settings = string.Join("\n", (await dispatcher.DispatchAsync(Command("U-owner", "practice", "settings"))).Replies.Select(r => PlainTextRenderer.Render(r.Message)));
        var secret = settings.Split('`').First(s => s.StartsWith("pbw_", StringComparison.Ordinal));
        var again = string.Join("\n", (await dispatcher.DispatchAsync(Command("U-owner", "practice", "settings"))).Replies.Select(r => PlainTextRenderer.Render(r.Message)));
        var responder = string.Join("\n", (await dispatcher.DispatchAsync(Command("U-ann", "practice", "settings"))).Replies.Select(r => PlainTextRenderer.Render(r.Message)));

        var response = await PostAsync(Review(), secret: secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(secret, again, StringComparison.Ordinal);
        Assert.DoesNotContain("pbw_", responder, StringComparison.Ordinal);
        await using var scope = _factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<PracticeBotDb>().Practices.SingleAsync();
        Assert.DoesNotContain(secret, stored.Settings.ProtectedWebhookSecret, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_PracticeSecretUsedForAnotherPractice_Is401()
    {
        var dispatcher = _factory.Services.GetRequiredService<BotDispatcher>();
        var settings = string.Join("\n", (await dispatcher.DispatchAsync(Command("U-owner", "practice", "settings"))).Replies.Select(r => PlainTextRenderer.Render(r.Message)));
        var secret = settings.Split('`').First(s => s.StartsWith("pbw_", StringComparison.Ordinal));

        var other = await PostAsync(Review(practice: "other-practice"), secret: secret);
        var mixed = await PostAsync($"[{Review("a")}, {Review("b", practice: "other-practice")}]", secret: secret);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (other.StatusCode, mixed.StatusCode));
        Assert.Equal(0, await CountReviewsAsync());
    }

    [Fact]
    public async Task Post_OlderBodyAfterANewerOne_TheNewerTextStays()
    {
        static string Version(string text, string updatedAt) =>
            $$"""
            {"practice": "sunrise-family-medicine", "source": "healthgrades", "externalId": "hg-9", "rating": 2,
             "text": "{{text}}", "createdAt": "2026-11-20T14:03:00Z", "updatedAt": "{{updatedAt}}"}
            """;

        var newer = await PostAsync(Version("Second thoughts: the wait was long, the care was good.", "2026-11-22T09:00:00Z"));
        var older = await PostAsync(Version("Waited an hour.", "2026-11-21T09:00:00Z"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (newer.StatusCode, older.StatusCode));
        var body = JsonDocument.Parse(await older.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((0, 1), (body.GetProperty("edited").GetInt32(), body.GetProperty("unchanged").GetInt32()));
        await using var scope = _factory.Services.CreateAsyncScope();
        var review = await scope.ServiceProvider.GetRequiredService<PracticeBotDb>().Reviews.SingleAsync();
        Assert.Equal("Second thoughts: the wait was long, the care was good.", review.Text);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero), review.SourceUpdatedAt);
    }

    private async Task<HttpResponseMessage> PostAsync(string json, string? signature = null, string secret = Secret)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        using var request = new HttpRequestMessage(HttpMethod.Post, ReviewWebhookApi.Path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var value = signature ?? WebhookSignature.Sign(bytes, secret);
        if (value.Length > 0)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignature.Header, value);
        }

        return await _http.SendAsync(request);
    }

    private async Task<int> CountReviewsAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PracticeBotDb>().Reviews.CountAsync();
    }

    private static CommandReceived Command(string user, string name, string text) =>
        new(Channel, new ChatUser(user, user), name, text);
}
#pragma warning restore CA1001
