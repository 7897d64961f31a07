using PracticeBot.Adapters.Slack.Tests.TestSupport;
using PracticeBot.Core.Home;
using PracticeBot.Core.Reviews;
using static PracticeBot.Adapters.Slack.Tests.Home.SlackHomeFlow;

namespace PracticeBot.Adapters.Slack.Tests.Home;

/// <summary>
/// Issue 20, point 2, through Slack's payloads and the fake Slack: the App Home of a responder and of a manager, kept
/// current by views.publish when something changes for them, and its Open button.
/// </summary>
public sealed class AppHomeTests
{
    [Fact]
    public async Task Responder_HomeOnOpening_ThenRefreshedByHerClaim_WithOpenButtons()
    {
        // Arrange: Ann is a responder; a negative and a positive review are open.
        await using var env = await SlackEnvironment.StartAsync();
        await env.Host.SetUpPracticeAsync();
        await AnswerAsync(env, "/practice", $"role <@{Ann}|ann> responder", SlackTestData.ManagerId, "role", "responder");
        var negative = await env.AddReviewAsync(1, "Waited two hours.");
        await env.AddReviewAsync(5, "Great visit.");

        // Act 1: she opens the App Home.
        using (var opened = await env.Host.PostSignedAsync(HomeOpened("Ev0HOMEANN1", Ann), "application/json"))
        {
            opened.EnsureSuccessStatusCode();
        }

        // Assert 1: no duty, nothing claimed, the open negative review with Open; no approvals (she is no manager).
        await Eventually.TrueAsync(() => HomesOf(env, Ann).Count == 1, "Ann's home to be published");
        var first = Texts(HomesOf(env, Ann)[0].Body);
        Assert.Contains("Your next posting duty", first, StringComparison.Ordinal);
        Assert.Contains("None assigned", first, StringComparison.Ordinal);
        Assert.Contains("Open negative reviews", first, StringComparison.Ordinal);
        Assert.Contains("Waited two hours.", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Great visit.", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Drafts waiting for your approval", first, StringComparison.Ordinal);

        // Act 2: she claims it; she does not open the tab again.
        await AnswerAsync(env, "/review", "claim 1", Ann, "claim", "claimed");

        // Assert 2: her home is published again, the review under "Reviews you claimed" with its Open button.
        await Eventually.TrueAsync(() => HomesOf(env, Ann).Skip(1).Any(h => ClaimedSection(Texts(h.Body)).Contains("Waited two hours.", StringComparison.Ordinal)), "Ann's home refreshed by her claim");
        var refreshed = HomesOf(env, Ann).Last();
        Assert.Contains((HomeActions.OpenReview, negative.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)), Buttons(refreshed));
    }

    [Fact]
    public async Task Manager_HomeRefreshedWhenADraftWaitsForApproval_OpenSendsTheCardWithApprove()
    {
        // Arrange
        await using var env = await SlackEnvironment.StartAsync();
        await env.Host.SetUpPracticeAsync();
        await AnswerAsync(env, "/practice", $"role <@{Ann}|ann> responder", SlackTestData.ManagerId, "role", "responder");
        await env.AddReviewAsync(1, "Waited two hours.");
        await AnswerAsync(env, "/review", "reply 1 Thank you for telling us. Please call our office manager.", Ann, "reply", "#1");
        var before = HomesOf(env, SlackTestData.ManagerId).Count;

        // Act 1: Ann sends her reply to the negative review for approval.
        await AnswerAsync(env, "/review", "publish 1", Ann, "publish", "approval");

        // Assert 1: the manager's home is published with the draft waiting for them.
        await Eventually.TrueAsync(
            () => HomesOf(env, SlackTestData.ManagerId).Skip(before).Any(h => Texts(h.Body).Contains("Drafts waiting for your approval", StringComparison.Ordinal)
                && !Texts(h.Body).Contains("Nothing waits for you", StringComparison.Ordinal)),
            "the manager's home refreshed with the draft to approve");
        var home = HomesOf(env, SlackTestData.ManagerId).Last();
        Assert.Contains((HomeActions.OpenReview, "1"), Buttons(home));

        // Act 2: the manager presses Open on the App Home.
        using (var press = await env.Host.InteractionAsync(HomeBlockAction(HomeActions.OpenReview, "1", SlackTestData.ManagerId)))
        {
            press.EnsureSuccessStatusCode();
        }

        // Assert 2: the review's card comes to them by DM, with its Approve button.
        await Eventually.TrueAsync(
            () => env.Slack.CallsTo("chat.postMessage").Any(c => c.Get("channel") == SlackTestData.ManagerId && c.Json.Contains(ReviewActions.Approve, StringComparison.Ordinal)),
            "the review card with Approve in the manager's DM");
    }

    /// <summary>The lines between "Reviews you claimed" and the next list.</summary>
    private static string ClaimedSection(string texts)
    {
        var start = texts.IndexOf("Reviews you claimed", StringComparison.Ordinal);
        var end = texts.IndexOf("Open negative reviews", StringComparison.Ordinal);
        return start < 0 || end < start ? "" : texts[start..end];
    }
}
