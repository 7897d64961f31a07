using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PracticeBot.Host.Tests.Dashboard;

/// <summary>
/// Two instances of the bot on one database, the same link pressed on both at once: exactly one signs in. Single use
/// holds in the database (a conditional update), not in one process's memory.
/// </summary>
public abstract class DashboardTwoInstanceTests
{
    protected abstract Task<DashboardWorld> WorldAsync();

    protected async Task SameLinkOnTwoInstances_ExactlyOneSignsIn()
    {
        await using var world = await WorldAsync();
        await world.SetUpPracticeAsync("a", "Alder Street Clinic", "U-mgr");
        await using var second = world.SecondInstance();
        var outcomes = new List<HttpStatusCode>();
        for (var round = 0; round < 5; round++)
        {
            var link = await world.LinkAsync("a", "U-mgr");
            var one = world.Browser();
            var two = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var pressed = await Task.WhenAll(DashboardWorld.PressSignInAsync(one, link), DashboardWorld.PressSignInAsync(two, link));
            outcomes.AddRange(pressed.Select(p => p.StatusCode));
            Assert.Single(pressed, p => p.StatusCode == HttpStatusCode.Redirect);
        }

        Assert.Equal(5, outcomes.Count(s => s == HttpStatusCode.BadRequest));
    }
}

public sealed class SqliteDashboardTwoInstanceTests : DashboardTwoInstanceTests
{
    [Fact]
    public Task SignIn_SameLinkOnTwoInstancesOnSqlite_ExactlyOneSignsIn() => SameLinkOnTwoInstances_ExactlyOneSignsIn();

    protected override Task<DashboardWorld> WorldAsync() => Task.FromResult(DashboardWorld.OnSqlite());
}

public sealed class PostgresDashboardTwoInstanceTests : DashboardTwoInstanceTests
{
    [PostgresFact]
    public Task SignIn_SameLinkOnTwoInstancesOnPostgres_ExactlyOneSignsIn() => SameLinkOnTwoInstances_ExactlyOneSignsIn();

    protected override Task<DashboardWorld> WorldAsync() => DashboardWorld.OnPostgresAsync();
}
