using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Middleware;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Outbox;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Practices;

public sealed class PracticeCommandsTests
{
    [Fact]
    public async Task Setup_UnboundWorkspace_CreatesPracticeBindingChannelAndManager()
    {
        await using var bot = await CoreHarness.CreateAsync();

        var result = await bot.CommandAsync("U1", "practice setup \"Sunrise Family Medicine\" America/Chicago", channel: "C-reviews");

        var reply = Assert.Single(result.Replies);
        Assert.True(reply.InChannel);
        Assert.Contains("sunrise-family-medicine", reply.Message.Text, StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        var practice = await db.Practices.SingleAsync();
        Assert.Equal(("Sunrise Family Medicine", "sunrise-family-medicine", "America/Chicago"), (practice.Name, practice.Slug, practice.TimeZone));
        Assert.Equal("C-reviews", practice.Channel!.ChannelId);
        var binding = await db.WorkspaceBindings.SingleAsync();
        Assert.Equal(("slack", "T1", practice.Id), (binding.Platform, binding.WorkspaceId, binding.PracticeId));
        var manager = await db.Members.SingleAsync();
        Assert.Equal(("U1", Role.Manager), (manager.UserId, manager.Roles));
        var audit = await db.AuditEntries.SingleAsync();
        Assert.Equal(("practice.setup", "slack:U1", practice.Id), (audit.Action, audit.Actor, audit.PracticeId!.Value));
        Assert.Equal("slack/T1/C-reviews", audit.Origin);
        Assert.Equal(result.CorrelationId, audit.CorrelationId);
    }

    [Fact]
    public async Task Setup_WhileRunning_SchedulesTheWeeklyCheckInAtOnceInThePracticesTimeZone()
    {
        await using var bot = await CoreHarness.CreateAsync();

        await bot.CommandAsync("U1", "practice setup Sunrise America/Chicago");

        await using var db = bot.OpenDb();
        var practice = await db.Practices.SingleAsync();
        var trigger = bot.Scheduler.Triggers[(PracticeBot.Core.CheckIns.CheckInSchedules.Weekly, practice.Id)];
        Assert.Equal((DayOfWeek.Monday, new TimeOnly(9, 0), "America/Chicago"), (trigger.Day!.Value, trigger.LocalTime, trigger.TimeZoneId));
    }

    [Fact]
    public async Task Setup_AlreadyBoundWorkspace_SaysSoAndChangesNothing()
    {
        await using var bot = await CoreHarness.CreateAsync();
        await bot.CommandAsync("U1", "practice setup Sunrise America/Chicago");

        var result = await bot.CommandAsync("U2", "practice setup Other Europe/London");

        Assert.Contains("already set up for *Sunrise*", CoreHarness.Text(result), StringComparison.Ordinal);
        Assert.Contains("practice settings", CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        Assert.Equal("Sunrise", (await db.Practices.SingleAsync()).Name);
    }

    [Fact]
    public async Task Setup_SameNameInAnotherWorkspace_GetsDistinctSlug()
    {
        await using var bot = await CoreHarness.CreateAsync();
        await bot.CommandAsync("U1", "practice setup Sunrise America/Chicago", workspace: "T1");

        await bot.CommandAsync("U9", "practice setup Sunrise America/Denver", workspace: "T2");

        await using var db = bot.OpenDb();
        Assert.Equal(["sunrise", "sunrise-2"], await db.Practices.OrderBy(p => p.Id).Select(p => p.Slug).ToListAsync());
    }

    [Fact]
    public async Task Setup_UnknownTimeZone_ExplainsAndCreatesNothing()
    {
        await using var bot = await CoreHarness.CreateAsync();

        var result = await bot.CommandAsync("U1", "practice setup Sunrise America/Chicgo");

        Assert.Contains("America/Chicgo", CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        Assert.False(await db.Practices.AnyAsync());
    }

    [Fact]
    public async Task Setup_WithoutTimeZone_UsesUtcAndSaysHowToChangeIt()
    {
        await using var bot = await CoreHarness.CreateAsync();

        var result = await bot.CommandAsync("U1", "practice setup Sunrise Pediatrics");

        Assert.Contains("practice set timezone", CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        Assert.Equal(("Sunrise Pediatrics", "UTC"), await db.Practices.Select(p => ValueTuple.Create(p.Name, p.TimeZone)).SingleAsync());
    }

    [Fact]
    public async Task Role_ManagerGrantsResponder_StoresRoleAuditsAndQueuesDirectMessage()
    {
        await using var bot = await CoreHarness.CreateAsync();
        await bot.CommandAsync("U1", "practice setup Sunrise America/Chicago");

        var result = await bot.CommandAsync("U1", "practice role <@U2|Ann Lee> responder");

        Assert.Contains("<@U2> is now a responder", CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        var ann = await db.Members.SingleAsync(m => m.UserId == "U2");
        Assert.Equal((Role.Responder, "Ann Lee"), (ann.Roles, ann.DisplayName));
        Assert.Contains(db.AuditEntries, a => a.Action == "member.role.granted" && a.Subject == "member:<@U2>" && a.Detail == "responder");
        var dm = await db.Outbox.SingleAsync();
        Assert.Equal((MessageVisibility.Direct, "U2", OutboxStatus.Pending), (dm.Target.Visibility, dm.Target.UserId, dm.Status));
    }

    [Fact]
    public async Task Role_RemoveOnlyManager_IsRefused()
    {
        await using var bot = await CoreHarness.CreateAsync();
        await bot.CommandAsync("U1", "practice setup Sunrise America/Chicago");

        var result = await bot.CommandAsync("U1", "practice role <@U1> -manager");

        Assert.Contains("only manager", CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        Assert.Equal(Role.Manager, (await db.Members.SingleAsync()).Roles);
    }

    [Fact]
    public async Task Role_UnknownPlainName_AsksForMention()
    {
        await using var bot = await CoreHarness.CreateAsync();
        await bot.CommandAsync("U1", "practice setup Sunrise America/Chicago");

        var result = await bot.CommandAsync("U1", "practice role @nobody responder");

        Assert.Contains("I don't know @nobody", CoreHarness.Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_ManagerChangesTimeZone_IsStoredAndAudited()
    {
        await using var bot = await CoreHarness.CreateAsync();
        await bot.CommandAsync("U1", "practice setup Sunrise America/Chicago");

        await bot.CommandAsync("U1", "practice set timezone europe/london");

        await using var db = bot.OpenDb();
        Assert.Equal("Europe/London", (await db.Practices.SingleAsync()).TimeZone);
        Assert.Contains(db.AuditEntries, a => a.Action == "practice.settings.changed" && a.Detail == "timezone: Europe/London");
    }

    [Fact]
    public async Task Settings_ChannelHere_MovesTheCardsToThisChannel()
    {
        await using var bot = await CoreHarness.CreateAsync();
        await bot.CommandAsync("U1", "practice setup Sunrise America/Chicago", channel: "C-general");

        var moved = await bot.CommandAsync("U1", "practice set channel here", channel: "C-reviews");

        Assert.True(Assert.Single(moved.Replies).InChannel);
        await using var db = bot.OpenDb();
        Assert.Equal("C-reviews", (await db.Practices.SingleAsync()).Channel!.ChannelId);
    }

    [Fact]
    public async Task Welcome_BotAddedToAnotherChannelOfASetUpPractice_OffersToMoveTheCards()
    {
        await using var bot = await CoreHarness.CreateAsync();
        await bot.CommandAsync("U1", "practice setup Sunrise America/Chicago", channel: "C-general");

        var welcome = await bot.Dispatcher.DispatchAsync(new PracticeBot.Core.Conversation.Events.MemberJoined(
            new PracticeBot.Core.Conversation.ConversationReference("slack", "T1", "C-new"), new PracticeBot.Core.Conversation.ChatUser("B1"), BotWasAdded: true));

        Assert.Contains("practice set channel here", CoreHarness.Text(welcome), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_CheckIn_MovesTheWeeklyTriggerInThePracticesTimeZone()
    {
        await using var bot = await CoreHarness.CreateAsync();
        await bot.CommandAsync("U1", "practice setup Sunrise America/Chicago");

        var result = await bot.CommandAsync("U1", "practice set checkin fri 16:30");

        Assert.Contains("Fridays at 16:30", CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        var practice = await db.Practices.SingleAsync();
        Assert.Equal((DayOfWeek.Friday, new TimeOnly(16, 30)), (practice.Settings.CheckInDay, practice.Settings.CheckInTime));
        var trigger = bot.Scheduler.Triggers[(PracticeBot.Core.CheckIns.CheckInSchedules.Weekly, practice.Id)];
        Assert.Equal((DayOfWeek.Friday, new TimeOnly(16, 30), "America/Chicago"), (trigger.Day!.Value, trigger.LocalTime, trigger.TimeZoneId));
    }

    [Theory]
    [InlineData("someday 9:00")]
    [InlineData("t 09:00")]
    [InlineData("monday noonish")]
    [InlineData("monday")]
    public async Task Settings_CheckInUnreadable_ExplainsAndChangesNothing(string value)
    {
        await using var bot = await CoreHarness.CreateAsync();
        await bot.CommandAsync("U1", "practice setup Sunrise America/Chicago");

        var result = await bot.CommandAsync("U1", $"practice set checkin {value}");

        Assert.Contains("practice set checkin monday 09:00", CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        Assert.Equal(DayOfWeek.Monday, (await db.Practices.SingleAsync()).Settings.CheckInDay);
    }

    [Fact]
    public async Task Settings_MemberWithoutRole_SeesCardButCannotChange()
    {
        await using var bot = await CoreHarness.CreateAsync();
        await bot.CommandAsync("U1", "practice setup Sunrise America/Chicago");

        var shown = await bot.CommandAsync("U5", "practice settings");
        var change = await bot.CommandAsync("U5", "practice set timezone Europe/London");

        Assert.NotNull(Assert.Single(shown.Replies).Message.Card);
        Assert.Contains("Only managers can use `practice set`. Here that is <@U1>", CoreHarness.Text(change), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_FromUnboundWorkspace_SeeNoPracticeData()
    {
        await using var bot = await CoreHarness.CreateAsync();
        await bot.CommandAsync("U1", "practice setup Sunrise America/Chicago", workspace: "T1");

        var settings = await bot.CommandAsync("U1", "practice settings", workspace: "T2");
        var role = await bot.CommandAsync("U1", "practice role <@U2> manager", workspace: "T2");

        Assert.Equal(TenantMiddleware.NotSetUp, CoreHarness.Text(settings));
        Assert.Equal(TenantMiddleware.NotSetUp, CoreHarness.Text(role));
        await using var db = bot.OpenDb();
        Assert.Single(db.Members);
    }

    [Fact]
    public async Task Role_ManagerOfOtherPractice_CannotTouchThisPracticesMembers()
    {
        await using var bot = await CoreHarness.CreateAsync();
        await bot.CommandAsync("U1", "practice setup Sunrise America/Chicago", workspace: "T1");
        await bot.CommandAsync("U9", "practice setup Lakeside America/Denver", workspace: "T2");

        await bot.CommandAsync("U9", "practice role <@U1> -manager", workspace: "T2");

        await using var db = bot.OpenDb();
        var sunrise = await db.Practices.SingleAsync(p => p.Slug == "sunrise");
        Assert.Equal(Role.Manager, (await db.Members.SingleAsync(m => m.PracticeId == sunrise.Id && m.UserId == "U1")).Roles);
    }

    [Fact]
    public async Task Help_InUnboundWorkspace_ListsEveryRootAndHowToStart()
    {
        await using var bot = await CoreHarness.CreateAsync();

        var result = await bot.CommandAsync("U1", "help");

        var text = CoreHarness.Text(result);
        Assert.Contains("`review claim <id> [@user]`", text, StringComparison.Ordinal);
        Assert.Contains("`posting plan", text, StringComparison.Ordinal);
        Assert.Contains("`practice setup \"Practice name\" America/Chicago`", text, StringComparison.Ordinal);
    }
}

