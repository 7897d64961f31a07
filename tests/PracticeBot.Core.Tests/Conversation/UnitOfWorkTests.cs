using Microsoft.EntityFrameworkCore;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Conversation;

/// <summary>Read-only turns run without the write transaction; every other turn keeps it.</summary>
public sealed class UnitOfWorkTests
{
    [Fact]
    public async Task ReadOnlyTurn_WhileAnotherWriterHoldsTheLock_AnswersWithoutWaiting()
    {
        await using var bot = await CoreHarness.CreateAsync(onFile: true);
        await bot.CommandAsync("U1", "practice setup \"Sunrise Family Medicine\" America/Chicago");
        await using var writer = bot.OpenDb();
        await using var held = await writer.Database.BeginTransactionAsync(); // BEGIN IMMEDIATE: SQLite's one write lock

        var list = bot.CommandAsync("U1", "review");
        var help = bot.CommandAsync("U1", "help");
        await Task.WhenAny(Task.WhenAll(list, help), Task.Delay(TimeSpan.FromSeconds(20))); // a waiting BEGIN IMMEDIATE gives up after 30 s

        Assert.True(list.IsCompleted && help.IsCompleted, "a read-only turn waited for the write lock");
        Assert.Contains("No open reviews", CoreHarness.Text(await list), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadOnlyTurn_FromSomeoneNew_StillSavesTheMember()
    {
        await using var bot = await CoreHarness.CreateAsync();
        await bot.CommandAsync("U1", "practice setup \"Sunrise Family Medicine\" America/Chicago");

        await bot.CommandAsync("U2", "review");

        await using var db = bot.OpenDb();
        Assert.True(await db.Members.AnyAsync(m => m.UserId == "U2"));
    }

    [Fact]
    public void Catalog_ReadOnlyCommands_AreOnlyTheOnesThatNeverWrite()
    {
        var readOnly = CommandCatalog.All.Where(c => c.ReadOnly).Select(c => c.RouteName).Order(StringComparer.Ordinal);

        Assert.Equal(["help topics", "my work", "posting schedule", "practice sources", "review list", "review show"], readOnly);
        Assert.DoesNotContain(CommandCatalog.All, c => c.ReadOnly && c.Mutates);
    }
}
