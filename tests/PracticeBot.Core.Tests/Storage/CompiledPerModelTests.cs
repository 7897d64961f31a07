using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Storage;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Storage;

public sealed class CompiledPerModelTests
{
    /// <summary>A second context type: EF builds it a model of its own, as it does for the SQLite and PostgreSQL contexts.</summary>
    private sealed class OtherModelDb(DbContextOptions<OtherModelDb> options) : PracticeBotDb(options);

    [Fact]
    public async Task HotQueries_TwoModelsInOneProcess_EachAnswers()
    {
        // Arrange: a practice bound to workspace T1, and a context of another model on the same database.
        await using var harness = await CoreHarness.CreateAsync(onFile: true);
        await harness.CommandAsync("U1", "/practice setup \"Sunrise Family Medicine\" America/Chicago");
        await using var scope = harness.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeBotDb>();
        await using var other = new OtherModelDb(new DbContextOptionsBuilder<OtherModelDb>().UseSqlite(db.Database.GetConnectionString()).Options);
        Assert.NotSame(db.Model, other.Model);
        var workspace = new ConversationReference(Platforms.Slack, "T1", "C1");

        // Act: the compiled queries of a chat turn, on one model, then the other, then the first again.
        var first = await new WorkspaceDirectory(db).FindPracticeAsync(workspace, tracked: true, CancellationToken.None);
        var second = await new WorkspaceDirectory(other).FindPracticeAsync(workspace, tracked: false, CancellationToken.None);
        var again = await new WorkspaceDirectory(db).FindPracticeIdAsync(workspace, CancellationToken.None);

        // Assert: EF would refuse a query compiled for one model on the other; each model has its own.
        Assert.Equal("Sunrise Family Medicine", first?.Name);
        Assert.Equal(first!.Id, second?.Id);
        Assert.Equal(first.Id, again);
        Assert.Equal(EntityState.Unchanged, db.Entry(first).State);
        Assert.Equal(EntityState.Detached, other.Entry(second!).State);
    }
}
