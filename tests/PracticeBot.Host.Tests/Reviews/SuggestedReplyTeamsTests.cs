using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Adapters.Teams.Tests.TestSupport;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Suggestions;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Reviews;

/// <summary>
/// Teams answers a turn inside its HTTP request and waits about 15 s: a suggestion service that never answers still
/// gives a turn that ends within the suggestion's budget, with the template.
/// </summary>
public sealed class SuggestedReplyTeamsTests
{
    [Fact]
    public async Task TeamsMessage_ServiceHangs_TurnEndsWithinTheBudgetWithTheTemplate()
    {
        await using var ai = await FakeOpenAi.StartAsync();
        await using var fake = await BotFrameworkFake.StartAsync();
        using var file = new TempDatabaseFile();
        await using var factory = new BotFactory(new Dictionary<string, string?>(BotFactory.Sqlite(file.Path))
        {
            ["Demo:Enabled"] = "false",
            ["Teams:AppId"] = TestTokens.AppId,
            ["Teams:AppPassword"] = "test-secret",
            ["Teams:OpenIdMetadataUrl"] = fake.MetadataUrl,
            ["Teams:TokenEndpoint"] = fake.TokenUrl,
            ["AI:Endpoint"] = ai.Endpoint,
            ["AI:Model"] = "gpt-test",
            ["AI:Timeout"] = "00:00:02",
        });
        using var http = factory.CreateClient();
        await PostAsync(http, fake, Activities.Message(fake.ServiceUrl, "practice setup \"Sunrise Family Medicine\" America/Chicago"));
        await AddReviewAsync(factory);
        ai.Hangs();
        var suggest = Activities.Message(fake.ServiceUrl, "review suggest 1");
        var clock = Stopwatch.StartNew();

        using var response = await PostAsync(http, fake, suggest);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the turn took {clock.Elapsed}; Teams waits about 15 s");
        await factory.OutboxDrainedAsync();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the reply arrived after {clock.Elapsed}");
        var reply = Assert.Single(fake.CallsTo("POST", $"/v3/conversations/{Uri.EscapeDataString(Activities.Channel)}/activities/{suggest["id"]}"));
        Assert.Contains(ReplySuggester.TimeoutNote, reply.Body, StringComparison.Ordinal);
        Assert.Single(ai.Requests);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, BotFrameworkFake fake, JsonObject activity)
    {
        using var request = Activities.Post(activity, TestTokens.Create(fake, fake.ServiceUrl));
        return await http.SendAsync(request);
    }

    private static async Task AddReviewAsync(BotFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        db.PracticeScope = null;
        var practice = db.Practices.Single();
        var now = TimeProvider.System.GetUtcNow();
        practice.LastReviewNumber = 1;
        db.Reviews.Add(new Review
        {
            PracticeId = practice.Id, Number = 1, Source = "google", ExternalId = "g-1", Rating = 2, Author = "Maria G.",
            Text = "Waited an hour.", CreatedAt = now, ReceivedAt = now, Status = ReviewStatus.New,
        });
        await db.SaveChangesAsync();
    }
}
