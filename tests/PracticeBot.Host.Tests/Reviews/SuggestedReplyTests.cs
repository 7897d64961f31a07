using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PracticeBot.Adapters.Slack.Tests.TestSupport;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Suggestions;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Reviews;

/// <summary>
/// Suggested replies end to end: signed Slack payloads into the real host, whose real <c>IChatClient</c> (OpenAI's
/// client through Microsoft.Extensions.AI) talks to a loopback fake of the chat-completions API.
/// </summary>
public sealed class SuggestedReplyTests : IAsyncLifetime, IDisposable
{
    private const string Author = "Maria Gonzalez";
    private const string ReviewText = "Waited two hours and the front desk never said why. Not coming back. - Maria";
    private const string Clean = "Thank you for sharing this. Time is valuable and we are working on waits. Please call our office manager so we can talk it through.";
    private const string Unsafe = "Maria, we are sorry about your appointment and your test results. Please call us.";
    private const string AlsoUnsafe = "We are sorry your visit took so long; as your doctor we care. Please call us.";

    private readonly CapturedLogs _logs = new();
    private FakeOpenAi _ai = null!;
    private SlackEnvironment _env = null!;
    private int _number;

    public async Task InitializeAsync()
    {
        _ai = await FakeOpenAi.StartAsync();
    }

    private async Task StartAsync(params (string Key, string? Value)[] extra)
    {
        _env = await SlackEnvironment.StartAsync(
            s => s.AddSingleton<ILoggerProvider>(_logs),
            [("AI:Endpoint", _ai.Endpoint), ("AI:Model", "gpt-test"), ("AI:ApiKey", "sk-test-key"), ("AI:Timeout", "00:00:02"), .. extra]);
        await _env.Host.SetUpPracticeAsync();
        _number = await _env.Host.WithDbAsync(async db =>
        {
            var practice = await db.Practices.SingleAsync(p => p.Slug == "sunrise-family-medicine");
            practice.LastReviewNumber++;
            db.Reviews.Add(new Review
            {
                PracticeId = practice.Id,
                Number = practice.LastReviewNumber,
                Source = "google",
                ExternalId = "g-suggest",
                Rating = 2,
                Author = Author,
                Text = ReviewText,
                Categories = ["wait-time"],
                Category = "wait-time",
                CreatedAt = DateTimeOffset.UtcNow.AddHours(-3),
                ReceivedAt = DateTimeOffset.UtcNow.AddHours(-2),
                Status = ReviewStatus.New,
            });
            await db.SaveChangesAsync();
            return practice.LastReviewNumber;
        });
    }

    [Fact]
    public async Task Suggest_ModelAnswersClean_ItBecomesTheDraft()
    {
        await StartAsync();
        _ai.Says(Clean);

        var answer = await SuggestAsync();

        Assert.Contains(Clean, answer, StringComparison.Ordinal);
        Assert.Contains("written by the suggestion service", answer, StringComparison.Ordinal);
        Assert.Contains("Privacy check: nothing risky found.", answer, StringComparison.Ordinal);
        Assert.Equal(Clean, await DraftAsync());
        var request = Assert.Single(_ai.Requests);
        Assert.Contains("gpt-test", request, StringComparison.Ordinal);
        Assert.Contains("Sunrise Family Medicine", request, StringComparison.Ordinal);
        Assert.Contains("Waited two hours", request, StringComparison.Ordinal);
        Assert.Contains(ReplyTemplates.DefaultContactLine, request, StringComparison.Ordinal);
        Assert.Contains("2 of 5 stars", request, StringComparison.Ordinal);
        AssertNoReviewerName();
    }

    [Fact]
    public async Task Suggest_FirstAnswerUnsafe_RetriedWithFindingsAndTheCleanOneUsed()
    {
        await StartAsync();
        _ai.Says(Unsafe).Says(Clean);

        var answer = await SuggestAsync();

        Assert.Equal(2, _ai.Requests.Count);
        var retry = _ai.MessagesOf(1);
        Assert.Equal(_ai.MessagesOf(0), retry.Take(2));
        Assert.Equal("user", retry[^1].Role);
        Assert.Contains("cannot be published", retry[^1].Content, StringComparison.Ordinal);
        Assert.Contains(ReplyPrompt.NamePlaceholder, retry[^1].Content, StringComparison.Ordinal); // the name it found, blanked
        Assert.Contains("your appointment", retry[^1].Content, StringComparison.Ordinal);
        Assert.Contains("test results", retry[^1].Content, StringComparison.Ordinal);
        Assert.Contains(Clean, answer, StringComparison.Ordinal);
        Assert.Equal(Clean, await DraftAsync());
        AssertNeverShownSavedOrLogged(answer, Unsafe);
        AssertNoReviewerName();
    }

    [Fact]
    public async Task Suggest_TwoUnsafeAnswers_FallsBackToTheTemplateAndSaysSo()
    {
        await StartAsync();
        _ai.Says(Unsafe).Says(AlsoUnsafe);

        var answer = await SuggestAsync();

        Assert.Equal(2, _ai.Requests.Count);
        Assert.Contains(ReplySuggester.UnsafeNote, answer, StringComparison.Ordinal);
        Assert.Contains("templates):", answer, StringComparison.Ordinal);
        Assert.Equal(ReplyTemplates.BuiltIn["wait-time"], await DraftAsync());
        AssertNeverShownSavedOrLogged(answer, Unsafe);
        AssertNeverShownSavedOrLogged(answer, AlsoUnsafe);
        AssertNoReviewerName();
    }

    [Fact]
    public async Task Suggest_ServiceAnswers500_TemplateAndAClearNote()
    {
        await StartAsync();
        _ai.FailsWith(500);

        var answer = await SuggestAsync();

        Assert.Single(_ai.Requests); // no retries: the budget is short and the template is ready
        Assert.Contains(ReplySuggester.NoAnswerNote, answer, StringComparison.Ordinal);
        Assert.Equal(ReplyTemplates.BuiltIn["wait-time"], await DraftAsync());
    }

    [Fact]
    public async Task Suggest_ServiceHangs_TemplateAndAClearNoteAfterTheTimeout()
    {
        await StartAsync(("AI:Timeout", "00:00:01"));
        _ai.Hangs();
        var clock = Stopwatch.StartNew();

        var answer = await SuggestAsync();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"the answer took {clock.Elapsed}");
        Assert.Contains(ReplySuggester.TimeoutNote, answer, StringComparison.Ordinal);
        Assert.Equal(ReplyTemplates.BuiltIn["wait-time"], await DraftAsync());
    }

    [Fact]
    public async Task SlashCommand_ServiceSlowerThanSlacksAck_AckedInTimeThenAnsweredThroughResponseUrl()
    {
        await StartAsync(("AI:Timeout", "00:00:02"), ("Slack:AckBudget", "00:00:00.500"));
        _ai.Hangs();
        var clock = Stopwatch.StartNew();

        using var response = await _env.Host.SlashCommandAsync("/review", $"suggest {_number}", responseUrl: _env.Slack.ResponseUrl("slow"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"the ack took {clock.Elapsed}; Slack waits 3 s");
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        await Eventually.TrueAsync(() => _env.Slack.CallsTo("response_url:slow").Count == 1, "the suggestion through response_url");
        Assert.Contains(ReplySuggester.TimeoutNote, _env.Slack.CallsTo("response_url:slow").Single().Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuggestButton_OnTheCard_SavesTheDraftAndAnswersThroughResponseUrl()
    {
        await StartAsync();
        _ai.Says(Clean);
        await ClaimAsync();

        using var response = await _env.Host.InteractionAsync(
            SlackPayloads.BlockAction(ReviewActions.Suggest, _number.ToString(System.Globalization.CultureInfo.InvariantCulture), "1700000000.000100", _env.Slack.ResponseUrl("button")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.TrueAsync(() => _env.Slack.CallsTo("response_url:button").Count == 1, "the suggestion through response_url");
        Assert.Contains("Suggested reply for review", _env.Slack.CallsTo("response_url:button").Single().Json, StringComparison.Ordinal);
        Assert.Equal(Clean, await DraftAsync());
        AssertNoReviewerName();
    }

    [Fact]
    public async Task Suggest_ReviewAlreadyHasADraft_KeepsItAndShowsTheSuggestion()
    {
        await StartAsync();
        _ai.Says(Clean);
        await CommandAsync($"reply {_number} Thank you for the feedback. Please call us.", "own");

        var answer = await SuggestAsync();

        Assert.Contains(Clean, answer, StringComparison.Ordinal);
        Assert.Contains("Your current draft was kept", answer, StringComparison.Ordinal);
        Assert.Equal("Thank you for the feedback. Please call us.", await DraftAsync());
    }

    [Fact]
    public async Task Suggest_PracticeToneAndContactLine_AreInThePrompt()
    {
        await StartAsync();
        _ai.Says(Clean);
        await CommandAsync("set tone formal", "tone", root: "/practice");
        await CommandAsync("set contact Please call our office at 555-010-0199 and ask for Pat.", "contact", root: "/practice");

        await SuggestAsync();

        var user = _ai.MessagesOf(0).Single(m => m.Role == "user").Content;
        Assert.Contains("formal and courteous", user, StringComparison.Ordinal);
        Assert.Contains("Please call our office at 555-010-0199 and ask for Pat.", user, StringComparison.Ordinal);
    }

    private async Task ClaimAsync() => await CommandAsync($"claim {_number}", "claim");

    private Task<string> SuggestAsync() => CommandAsync($"suggest {_number}", "suggest");

    /// <summary>The answer, from the ack when the turn was quick or through response_url when it was not.</summary>
    private async Task<string> CommandAsync(string text, string hook, string root = "/review")
    {
        using var response = await _env.Host.SlashCommandAsync(root, text, responseUrl: _env.Slack.ResponseUrl(hook));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        if (body.Length > 0)
        {
            return body;
        }

        await Eventually.TrueAsync(() => _env.Slack.CallsTo($"response_url:{hook}").Count > 0, $"the answer to {text}");
        return string.Join("\n", _env.Slack.CallsTo($"response_url:{hook}").Select(c => c.Json));
    }

    private Task<string?> DraftAsync() => _env.Host.WithDbAsync(async db =>
        (await db.ReviewReplies.AsNoTracking().Where(r => r.Status == ReplyStatus.Draft).OrderByDescending(r => r.Id).FirstOrDefaultAsync())?.Text);

    private void AssertNoReviewerName()
    {
        Assert.NotEmpty(_ai.Requests);
        Assert.All(_ai.Requests, r =>
        {
            Assert.DoesNotContain("Maria", r, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Gonzalez", r, StringComparison.OrdinalIgnoreCase);
        });
    }

    private void AssertNeverShownSavedOrLogged(string answer, string text)
    {
        Assert.DoesNotContain(text, answer, StringComparison.Ordinal);
        var saved = _env.Host.WithDbAsync(db => db.ReviewReplies.AsNoTracking().Select(r => r.Text).ToListAsync()).GetAwaiter().GetResult();
        Assert.DoesNotContain(text, saved);
        Assert.All(_env.Slack.Calls, c => Assert.DoesNotContain(text, c.Json, StringComparison.Ordinal));
        Assert.All(_logs.Entries, e => Assert.DoesNotContain(text[..20], e.Message + e.Exception, StringComparison.Ordinal));
    }

    public void Dispose() => _logs.Dispose();

    public async Task DisposeAsync()
    {
        if (_env is not null)
        {
            await _env.DisposeAsync();
        }

        await _ai.DisposeAsync();
    }
}
