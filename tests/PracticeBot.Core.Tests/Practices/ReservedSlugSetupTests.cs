using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Reviews.Sources;
using PracticeBot.Core.Tests.Reviews.Sources;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Practices;

/// <summary>A slug the source configuration names is not for whoever runs <c>practice setup</c> first.</summary>
public sealed class ReservedSlugSetupTests
{
    private const string Configured = "sunrise-family-medicine";

    [Fact]
    public async Task Setup_NameMakingAConfiguredSlugWithNoWorkspaceNamed_RefusedWithTheLineToAdd()
    {
        await using var bot = await HarnessAsync(owner: null);

        var result = await bot.CommandAsync("U-stranger", "practice setup \"Sunrise Family Medicine\" America/Chicago", workspace: "T-stranger");

        var text = CoreHarness.Text(result);
        Assert.Contains("`sunrise-family-medicine` is reserved", text, StringComparison.Ordinal);
        Assert.Contains("(Google)", text, StringComparison.Ordinal);
        Assert.Contains("`Sources:Workspaces:sunrise-family-medicine=slack:T-stranger`", text, StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        Assert.Equal(0, await db.Practices.CountAsync());
    }

    [Fact]
    public async Task Setup_StrangerFirstThenTheNamedWorkspace_StrangerGetsANumberedSlugAndTheOwnerTheConfiguredOne()
    {
        await using var bot = await HarnessAsync(owner: "slack:T-sunrise");

        await bot.CommandAsync("U-stranger", "practice setup \"Sunrise Family Medicine\" America/Chicago", workspace: "T-stranger");
        var owner = await bot.CommandAsync("U-owner", "practice setup \"Sunrise FM\" America/Chicago", workspace: "T-sunrise");

        Assert.Contains("id `sunrise-family-medicine`", CoreHarness.Text(owner), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        Assert.Equal([("Sunrise Family Medicine", "sunrise-family-medicine-2"), ("Sunrise FM", Configured)],
            (await db.Practices.OrderBy(p => p.Id).ToListAsync()).Select(p => (p.Name, p.Slug)));
    }

    [Fact]
    public async Task Setup_NumberedSlugThatIsItselfConfigured_IsSkipped()
    {
        await using var bot = await HarnessAsync(owner: "slack:T-sunrise", also: Configured + "-2");

        await bot.CommandAsync("U-stranger", "practice setup \"Sunrise Family Medicine\" America/Chicago", workspace: "T-stranger");

        await using var db = bot.OpenDb();
        Assert.Equal("sunrise-family-medicine-3", (await db.Practices.SingleAsync()).Slug);
    }

    [Fact]
    public void Problems_ValueNamingNoWorkspace_NamesTheKey()
    {
        var options = new SourceWorkspacesOptions { Workspaces = { [Configured] = "T-sunrise", ["ok"] = "teams:tenant:team" } };

        Assert.Equal(["Sources:Workspaces:sunrise-family-medicine must be slack:<team id>, teams:<tenant id> or teams:<tenant id>:<team id> (it is 'T-sunrise')."],
            options.Problems());
    }

    private static Task<CoreHarness> HarnessAsync(string? owner, string? also = null) => CoreHarness.CreateAsync(services =>
    {
        services.AddSingleton<IReviewSource>(new ScriptedReviewSource { ConfiguredPractices = also is null ? [Configured] : [Configured, also] });
        services.Configure<SourceWorkspacesOptions>(o =>
        {
            if (owner is not null)
            {
                o.Workspaces[Configured] = owner;
            }
        });
    });
}
