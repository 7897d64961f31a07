using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Tests.TestSupport;

namespace PracticeBot.Core.Tests.Conversation;

/// <summary>The role table of DESIGN.md, written out independently of the catalog and checked against it.</summary>
public sealed class AuthorizationTests
{
    private const string Anyone = "anyone";
    private const string Members = "members";
    private const string Managers = "manager";
    private const string Responders = "manager responder";
    private const string Investigators = "manager responder operations";

    private static readonly Dictionary<string, string> Expected = new()
    {
        ["review list"] = Members,
        ["review show"] = Members,
        ["review claim"] = Responders,
        ["review release"] = Responders,
        ["review reply"] = Responders,
        ["review suggest"] = Responders,
        ["review approve"] = Managers,
        ["review reject"] = Managers,
        ["review publish"] = Responders,
        ["review cancel"] = Responders,
        ["review resolve"] = Investigators,
        ["review escalate"] = Investigators,
        ["posting plan"] = Managers,
        ["posting volunteer"] = Members,
        ["posting optout"] = Members,
        ["posting away"] = Members,
        ["posting done"] = Members,
        ["posting skip"] = Members,
        ["posting swap"] = Members,
        ["posting schedule"] = Members,
        ["posting ideas"] = Members,
        ["practice setup"] = Anyone,
        ["practice role"] = Managers,
        ["practice sources"] = Managers,
        ["practice connect"] = Managers,
        ["practice disconnect"] = Managers,
        ["practice checkin"] = Managers,
        ["practice digest"] = Members,
        ["practice dashboard"] = "manager responder operations poster", // a member without a role sees no dashboard
        ["practice settings"] = Members,
        ["practice set"] = Managers,
        ["help topics"] = Anyone,
        ["my work"] = Members,
    };

    private static readonly (string Name, Member? Member)[] People =
    [
        ("outsider", null),
        ("member", Person(Role.None)),
        ("manager", Person(Role.Manager)),
        ("responder", Person(Role.Responder)),
        ("operations", Person(Role.Operations)),
        ("poster", Person(Role.Poster)),
    ];

    public static TheoryData<string> Commands() => [.. CommandCatalog.All.Select(c => c.RouteName)];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Allows_EachRoleForEachCommand_MatchesRoleTable(string routeName)
    {
        Assert.True(Expected.TryGetValue(routeName, out var allowed), $"'{routeName}' is missing from the role table of this test.");
        var access = CommandCatalog.ByRouteName(routeName).Access;

        foreach (var (name, member) in People)
        {
            var shouldAllow = allowed switch
            {
                Anyone => true,
                Members => member is not null,
                _ => allowed.Split(' ').Contains(name),
            };
            Assert.True(shouldAllow == access.Allows(member), $"{name} on '{routeName}': expected {(shouldAllow ? "allowed" : "refused")}.");
        }
    }

    [Fact]
    public void RoleTable_CoversExactlyTheGrammar()
    {
        Assert.Equal(Expected.Keys.Order(), CommandCatalog.All.Select(c => c.RouteName).Order());
    }

    [Fact]
    public async Task Dispatch_ResponderRunsManagerCommand_IsRefusedAndNothingChanges()
    {
        await using var bot = await CoreHarness.CreateAsync();
        await bot.CommandAsync("U1", "practice setup Sunrise America/Chicago");
        await bot.CommandAsync("U1", "practice role <@U2> responder");

        var result = await bot.CommandAsync("U2", "practice role <@U3> manager");

        Assert.Contains("Only managers can use `practice role`", CoreHarness.Text(result), StringComparison.Ordinal);
        await using var db = bot.OpenDb();
        Assert.DoesNotContain(db.Members, m => m.UserId == "U3");
    }

    private static Member Person(Role roles) => new() { Platform = "slack", UserId = "U", Roles = roles };
}

/// <summary>A button must not let anyone do what the matching typed command would refuse them.</summary>
public sealed class ButtonAuthorizationTests
{
    public static TheoryData<string, string> ButtonsAndCommands() => new()
    {
        { PracticeBot.Core.Reviews.ReviewActions.Claim, "review claim" },
        { PracticeBot.Core.Reviews.ReviewActions.Release, "review release" },
        { PracticeBot.Core.Reviews.ReviewActions.Draft, "review reply" },
        { PracticeBot.Core.Reviews.ReviewActions.SubmitDraft, "review reply" },
        { PracticeBot.Core.Reviews.ReviewActions.Suggest, "review suggest" },
        { PracticeBot.Core.Reviews.ReviewActions.Publish, "review publish" },
        { PracticeBot.Core.Reviews.ReviewActions.Approve, "review approve" },
        { PracticeBot.Core.Reviews.ReviewActions.Reject, "review reject" },
        { PracticeBot.Core.Reviews.ReviewActions.SubmitReject, "review reject" },
        { PracticeBot.Core.Reviews.ReviewActions.CancelPublish, "review cancel" },
        { PracticeBot.Core.Reviews.ReviewActions.Escalate, "review escalate" },
        { PracticeBot.Core.Reviews.ReviewActions.MarkReplied, "review publish" },
    };

    [Theory]
    [MemberData(nameof(ButtonsAndCommands))]
    public void ButtonRoute_SameRolesAsItsCommand(string actionId, string command)
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        PracticeBot.Core.Conversation.ConversationServiceCollectionExtensions.AddPracticeBotCore(services);
        var router = (PracticeBot.Core.Conversation.Routing.BotRouter)services
            .Single(d => d.ServiceType == typeof(PracticeBot.Core.Conversation.Routing.BotRouter)).ImplementationInstance!;

        var button = router.Routes.Single(r => r.Name == $"action:{actionId}");

        Assert.Equal(CommandCatalog.ByRouteName(command).Access, button.Access);
    }
}
