using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Adapters.Teams.Tests.TestSupport;
using PracticeBot.Core.Home;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Storage;

namespace PracticeBot.Adapters.Teams.Tests.Integration;

/// <summary>
/// Issue 20 in Teams, through the real host and the fake connector: a volunteer joining mid-week is given the rest of
/// the week at once, and <c>my work</c> in the personal chat answers with the person's home as an Adaptive Card whose
/// Done and Open buttons work. The host's clock is Wednesday 25 Nov 2026, 13:00 in Chicago, running on.
/// </summary>
#pragma warning disable CA1001 // disposed in DisposeAsync (xunit's IAsyncLifetime)
public sealed class MyWorkTeamsTests : IAsyncLifetime
{
    private const string Personal = "a:ann-personal";
    private readonly ShiftedClock _clock = new(new DateTimeOffset(2026, 11, 25, 19, 0, 0, TimeSpan.Zero));
    private readonly TempDatabaseFile _database = new();
    private BotFrameworkFake _fake = null!;
    private TeamsBotFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _fake = await BotFrameworkFake.StartAsync();
        _factory = new TeamsBotFactory(_fake, _database.Path, s => s.AddSingleton<TimeProvider>(_clock));
        _client = _factory.CreateClient();
        await SendAsync(Activities.BotAdded(_fake.ServiceUrl));
        await SendAsync(Activities.Message(_fake.ServiceUrl, "practice setup \"Sunrise Family Medicine\" America/Chicago"));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _fake.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task MyWork_InThePersonalChat_CardWithDutyDoneClaimedAndApprovalsOpen_ButtonsWork()
    {
        // Arrange: a plan on Wednesday afternoon; Ann (the manager) volunteers and is given Friday at once.
        await SendAsync(Activities.Message(_fake.ServiceUrl, "posting plan 3/week facebook"));
        var mark = _fake.Calls.Count;
        await SendAsync(Activities.Message(_fake.ServiceUrl, "posting volunteer"));
        Assert.Contains(_fake.Calls.Skip(mark), c => c.Body.Contains("up on Fri 27 Nov on Facebook, due 12:00", StringComparison.Ordinal));
        // A negative review she claims, and a draft of another waiting for a manager's approval.
        await AddReviewAsync(1, ReviewStatus.New);
        await AddReviewAsync(2, ReviewStatus.AwaitingApproval);
        await SendAsync(Activities.Message(_fake.ServiceUrl, "review claim 1"));
        mark = _fake.Calls.Count;

        // Act
        await SendAsync(InPersonalChat(Activities.Message(_fake.ServiceUrl, "my work")));

        // Assert: one Adaptive Card in the personal chat with her duty (Done), her claim and the draft to approve (Open).
        var reply = Assert.Single(_fake.Calls.Skip(mark), c => c.Method == "POST" && c.Path.StartsWith($"/v3/conversations/{Uri.EscapeDataString(Personal)}/activities", StringComparison.Ordinal));
        var card = reply.Json!["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)card["contentType"]);
        var text = card["content"]!.ToJsonString();
        Assert.Contains("Your next posting duty", text, StringComparison.Ordinal);
        Assert.Contains("Fri 27 Nov on Facebook, due 12:00", text, StringComparison.Ordinal);
        Assert.Contains("Reviews you claimed", text, StringComparison.Ordinal);
        Assert.Contains("Drafts waiting for your approval", text, StringComparison.Ordinal);
        var actions = Actions(card["content"]!);
        var slot = await WithDbAsync(db => db.PostingSlots.AsNoTracking().SingleAsync(s => s.Status == SlotStatus.Assigned));
        Assert.Contains((PostingActions.Done, PostingTexts.Id(slot)), actions);
        Assert.Contains((HomeActions.OpenReview, "1"), actions);
        Assert.Contains((HomeActions.OpenReview, "2"), actions);

        // Act + Assert: Open on the draft answers with the review's card and its Approve button.
        var opened = await SendAsync(InPersonalChat(Activities.CardAction(_fake.ServiceUrl, HomeActions.OpenReview, "2", reply.Json!["id"]?.ToString() ?? "act-1")));
        var openedBody = JsonNode.Parse(await opened.Content.ReadAsStringAsync())!;
        Assert.Equal("AdaptiveCard", (string?)openedBody["value"]!["type"]);
        Assert.Contains((ReviewActions.Approve, "2"), Actions(openedBody["value"]!).Select(a => (a.Verb, a.Value.Split(':')[0])));

        // Act + Assert: Done records the post.
        await SendAsync(InPersonalChat(Activities.CardAction(_fake.ServiceUrl, PostingActions.Done, PostingTexts.Id(slot), "act-2")));
        Assert.Equal(SlotStatus.Done, await WithDbAsync(db => db.PostingSlots.AsNoTracking().Where(s => s.Id == slot.Id).Select(s => s.Status).SingleAsync()));
    }

    private static JsonObject InPersonalChat(JsonObject activity)
    {
        activity["conversation"] = new JsonObject { ["id"] = Personal, ["conversationType"] = "personal", ["tenantId"] = Activities.Tenant };
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Activities.Tenant } };
        return activity;
    }

    /// <summary>The card's Action.Execute buttons: (verb, data.value).</summary>
    private static List<(string Verb, string Value)> Actions(JsonNode node)
    {
        var found = new List<(string, string)>();
        void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    if ((string?)o["type"] == "Action.Execute")
                    {
                        found.Add(((string)o["verb"]!, (string?)o["data"]?["value"] ?? ""));
                    }

                    foreach (var (_, value) in o)
                    {
                        Walk(value);
                    }

                    break;
                case JsonArray a:
                    foreach (var item in a)
                    {
                        Walk(item);
                    }

                    break;
            }
        }

        Walk(node);
        return found;
    }

    private async Task AddReviewAsync(int number, ReviewStatus status) => await WithDbAsync(async db =>
    {
        var practice = await db.Practices.SingleAsync();
        practice.LastReviewNumber = Math.Max(practice.LastReviewNumber, number);
        var now = _clock.GetUtcNow();
        db.Reviews.Add(new Review
        {
            PracticeId = practice.Id, Number = number, Source = "google", ExternalId = $"g-{number}", Rating = 2, Author = "Maria G.",
            Text = $"Waited an hour ({number}).", CreatedAt = now, ReceivedAt = now, Status = status,
        });
        await db.SaveChangesAsync();
        return 0;
    });

    private async Task<T> WithDbAsync<T>(Func<PracticeBotDb, Task<T>> work)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PracticeBotDb>());
    }

    private async Task<HttpResponseMessage> SendAsync(JsonObject activity)
    {
        using var request = Activities.Post(activity, TestTokens.Create(_fake, _fake.ServiceUrl, expires: _clock.GetUtcNow().UtcDateTime.AddMinutes(30)));
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _factory.OutboxDrainedAsync(); // replies to a message go through the outbox
        return response;
    }
}
