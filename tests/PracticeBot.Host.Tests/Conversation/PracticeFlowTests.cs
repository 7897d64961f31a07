using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Events;
using PracticeBot.Core.Conversation.Messages;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Conversation;

/// <summary>
/// <c>practice setup</c>, then <c>practice role @u responder</c>, then <c>help</c>, as neutral events through the real
/// host's pipeline, on each storage provider.
/// </summary>
public abstract class PracticeFlowTests
{
    private static readonly ConversationReference Channel = new(Platforms.Slack, "T-sunrise", "C-reviews");

    protected abstract Task<(BotFactory Factory, Func<Task> Cleanup)> StartAsync();

    protected async Task SetupRoleHelp_ThroughPipeline_StoresPracticeRolesAuditAndDeliversDirectMessage()
    {
        var (factory, cleanup) = await StartAsync();
        try
        {
            var dispatcher = factory.Services.GetRequiredService<BotDispatcher>();

            var setup = await dispatcher.DispatchAsync(Command("U-owner", "practice", "setup \"Sunrise Family Medicine\" America/Chicago"));
            var role = await dispatcher.DispatchAsync(Command("U-owner", "practice", "role <@U-ann|Ann Lee> responder"));
            var help = await dispatcher.DispatchAsync(Command("U-ann", "help", ""));

            Assert.Contains("*Sunrise Family Medicine* is set up", Assert.Single(setup.Replies).Message.Text, StringComparison.Ordinal);
            Assert.Contains("<@U-ann> is now a responder", Assert.Single(role.Replies).Message.Text, StringComparison.Ordinal);
            Assert.Contains("`review claim <id> [@user]`", PlainTextRenderer.Render(Assert.Single(help.Replies).Message), StringComparison.Ordinal);

            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
            var practice = await db.Practices.SingleAsync(p => p.Slug == "sunrise-family-medicine");
            Assert.Equal("America/Chicago", practice.TimeZone);
            Assert.Equal(
                [("U-ann", Role.Responder), ("U-owner", Role.Manager)],
                (await db.Members.Where(m => m.PracticeId == practice.Id).OrderBy(m => m.UserId).ToListAsync()).Select(m => (m.UserId, m.Roles)));
            Assert.Equal(
                ["member.role.granted", "practice.setup"],
                await db.AuditEntries.Where(a => a.PracticeId == practice.Id).Select(a => a.Action).OrderBy(a => a).ToListAsync());

            // The role change queued a direct message in the same transaction; the delivery worker sends it.
            await Eventually.TrueAsync(() => Task.FromResult(factory.Slack.Sent.Count == 1), "the direct message to be delivered");
            var dm = factory.Slack.Sent.Single();
            Assert.Equal((MessageVisibility.Direct, "U-ann"), (dm.Target.Visibility, dm.Target.UserId));
            Assert.Contains("made you a responder for *Sunrise Family Medicine*", dm.Message.Text, StringComparison.Ordinal);
        }
        finally
        {
            await cleanup();
        }
    }

    private static CommandReceived Command(string user, string name, string text) => new(Channel, new ChatUser(user), name, text);
}

public sealed class SqlitePracticeFlowTests : PracticeFlowTests
{
    [Fact]
    public Task SetupRoleHelp_OnSqlite_StoresPracticeRolesAuditAndDeliversDirectMessage() =>
        SetupRoleHelp_ThroughPipeline_StoresPracticeRolesAuditAndDeliversDirectMessage();

    protected override Task<(BotFactory, Func<Task>)> StartAsync()
    {
        var file = new TempDatabaseFile();
        var factory = new BotFactory(BotFactory.Sqlite(file.Path, ("Demo:Enabled", "false")));
        _ = factory.Server;
        return Task.FromResult<(BotFactory, Func<Task>)>((factory, async () =>
        {
            await factory.DisposeAsync();
            file.Dispose();
        }));
    }
}

public sealed class PostgresPracticeFlowTests : PracticeFlowTests
{
    [PostgresFact]
    public Task SetupRoleHelp_OnPostgres_StoresPracticeRolesAuditAndDeliversDirectMessage() =>
        SetupRoleHelp_ThroughPipeline_StoresPracticeRolesAuditAndDeliversDirectMessage();

    protected override async Task<(BotFactory, Func<Task>)> StartAsync()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        var factory = new BotFactory(BotFactory.Postgres(database, ("Demo:Enabled", "false")));
        _ = factory.Server;
        return (factory, async () =>
        {
            await factory.DisposeAsync();
            await TestPostgres.DropDatabaseAsync(database);
        });
    }
}
