using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Middleware;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Conversation;

/// <summary>Issue #18 item 11: guests get a polite refusal (and help) until a manager gives them a role.</summary>
public sealed class GuestMiddlewareTests
{
    [Fact]
    public async Task Command_GuestWithoutRole_IsRefusedPolitelyAndAudited()
    {
        await using var bot = await WithGuestsAsync("UGUEST");
        await bot.CommandAsync("U1", "practice setup Sunrise America/Chicago");

        var result = await bot.CommandAsync("UGUEST", "review all");

        Assert.Equal(GuestMiddleware.GuestRefusal, CoreHarness.Text(result));
        await using var db = bot.OpenDb();
        Assert.Contains(db.AuditEntries, a => a.Actor == "slack:UGUEST" && a.Action == RefusalAuditMiddleware.Refused && a.Detail!.EndsWith("guest without a role", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_Guest_IsAnswered()
    {
        await using var bot = await WithGuestsAsync("UGUEST");
        await bot.CommandAsync("U1", "practice setup Sunrise America/Chicago");

        var result = await bot.CommandAsync("UGUEST", "help");

        Assert.DoesNotContain("guest", CoreHarness.Text(result), StringComparison.Ordinal);
        Assert.Contains("review claim", CoreHarness.Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setup_GuestInAnUnboundWorkspace_IsRefusedAndCreatesNothing()
    {
        await using var bot = await WithGuestsAsync("UGUEST");

        var result = await bot.CommandAsync("UGUEST", "practice setup Takeover America/Chicago");

        Assert.Equal(GuestMiddleware.GuestRefusal, CoreHarness.Text(result));
        await using var db = bot.OpenDb();
        Assert.False(await db.Practices.AnyAsync());
    }

    [Fact]
    public async Task Button_GuestWithoutRole_IsRefused()
    {
        await using var bot = await WithGuestsAsync("UGUEST");
        await bot.CommandAsync("U1", "practice setup Sunrise America/Chicago");

        var result = await bot.PressAsync("UGUEST", PracticeBot.Core.Reviews.ReviewActions.Claim, "1");

        Assert.Equal(GuestMiddleware.GuestRefusal, CoreHarness.Text(result));
    }

    [Fact]
    public async Task Command_GuestGivenARoleByAManager_IsLetIn()
    {
        await using var bot = await WithGuestsAsync("UGUEST");
        await bot.CommandAsync("U1", "practice setup Sunrise America/Chicago");

        await bot.CommandAsync("U1", "practice role <@UGUEST> responder");
        var result = await bot.CommandAsync("UGUEST", "review all");

        Assert.DoesNotContain("guest", CoreHarness.Text(result), StringComparison.Ordinal);
        Assert.Contains("reviews", CoreHarness.Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_PlatformCannotTellWhetherGuest_IsRefusedForNow()
    {
        var unknown = false;
        await using var bot = await CoreHarness.CreateAsync(s => s.AddSingleton<IGuestDirectory>(new ScriptedGuests(_ => unknown ? null : false)));
        await bot.CommandAsync("U1", "practice setup Sunrise America/Chicago");
        unknown = true;

        var result = await bot.CommandAsync("U2", "review all");

        Assert.Equal(GuestMiddleware.UnknownRefusal, CoreHarness.Text(result));
    }

    [Fact]
    public async Task Command_PayloadSaysNotGuest_DirectoryIsNotAsked()
    {
        var asked = 0;
        await using var bot = await CoreHarness.CreateAsync(s => s.AddSingleton<IGuestDirectory>(new ScriptedGuests(_ => { asked++; return true; })));
        await bot.CommandAsync("U1", "practice setup Sunrise America/Chicago");
        asked = 0;

        await bot.Dispatcher.DispatchAsync(new CommandReceived(
            new ConversationReference(Platforms.Slack, "T1", "C1"), new ChatUser("U2", "U2", IsGuest: false), "review", "all"));

        Assert.Equal(0, asked);
    }

    private static Task<CoreHarness> WithGuestsAsync(params string[] guests) =>
        CoreHarness.CreateAsync(s => s.AddSingleton<IGuestDirectory>(new ScriptedGuests(user => guests.Contains(user))));

    private sealed class ScriptedGuests(Func<string, bool?> isGuest) : IGuestDirectory
    {
        public string Platform => Platforms.Slack;

        public ValueTask<bool?> IsGuestAsync(ConversationReference conversation, ChatUser user, CancellationToken cancellationToken) =>
            ValueTask.FromResult(isGuest(user.Id));
    }
}
