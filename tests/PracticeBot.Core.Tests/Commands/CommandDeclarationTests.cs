using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.CheckIns;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Routing;
using PracticeBot.Core.Help;
using PracticeBot.Core.Home;
using PracticeBot.Core.Posting;
using PracticeBot.Core.Practices;
using PracticeBot.Core.Practices.Settings;
using PracticeBot.Core.Reviews;
using PracticeBot.Core.Reviews.Sources;

namespace PracticeBot.Core.Tests.Commands;

/// <summary>One declaration per command drives the parser, the router, help and the role checks.</summary>
public sealed class CommandDeclarationTests
{
    private static readonly IReadOnlyList<Route> CommandRoutes = ((BotRouter)new ServiceCollection().AddPracticeBotCore()
        .Single(d => d.ServiceType == typeof(BotRouter)).ImplementationInstance!).Routes.Where(r => r.Kind == RouteKind.Command).ToList();

    [Fact]
    public void Catalog_IsEveryFeaturesDeclarations_EachOnce()
    {
        IEnumerable<CommandSpec> features =
        [
            .. ReviewCommands.All, .. PostingCommands.All, .. PracticeCommands.All,
            .. ReviewSourceCommands.All, .. CheckInCommands.All, .. HelpCommands.All, .. HomeCommands.All, .. Core.Dashboard.DashboardCommands.All,
        ];

        Assert.Equal(features.Select(c => c.RouteName).Order(), CommandCatalog.All.Select(c => c.RouteName).Order());
        Assert.Equal(CommandCatalog.All.Count, CommandCatalog.All.Select(c => c.RouteName).Distinct().Count());
    }

    [Fact]
    public void Router_EveryDeclaration_IsRoutedToItsHandlerWithItsAccess()
    {
        Assert.Equal(CommandCatalog.All.Count, CommandRoutes.Count);
        Assert.All(CommandCatalog.All, command =>
        {
            var route = Assert.Single(CommandRoutes, r => r.Name == BotRouter.CommandRouteName(command));
            Assert.Equal(command.HandlerType, route.HandlerType);
            Assert.Equal(command.Access, route.Access);
            Assert.Equal(command.Mutates, route.Mutates);
            Assert.Equal(command.ReadOnly || command.TrackedWritesOnly, route.TrackedWritesOnly);
        });
    }

    [Fact]
    public void Declarations_EveryHandler_IsACommandHandler()
    {
        Assert.All(CommandCatalog.All, command =>
            Assert.True(typeof(IBotHandler<CommandInvocation>).IsAssignableFrom(command.HandlerType), command.RouteName));
    }

    [Fact]
    public void OnCommands_DeclarationWithoutHandler_ThrowsNamingIt()
    {
        var bare = new CommandSpec("review", "peek", "review peek", "Peek.", Access.Members, []);

        var error = Assert.Throws<InvalidOperationException>(() => new BotRouter().OnCommands([bare]));

        Assert.Contains("review peek", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("review", "claim", "<id> [@user]", false, "review claim <id> [@user]")]
    [InlineData("review", "list", "[open|all]", true, "review [open|all]")]
    [InlineData("posting", "plan", "<n>/week | off", false, "posting plan <n>/week | posting plan off")]
    [InlineData("posting", "skip", "", false, "posting skip")]
    public void Declare_Usage_GetsTheCommandWordsInFront(string root, string verb, string usage, bool isImplicit, string syntax)
    {
        var command = CommandSpec.Declare<ShowHelp>(root, verb, usage, "Summary.", Access.Members, [], isImplicit);

        Assert.Equal(syntax, command.Syntax);
        Assert.Equal(typeof(ShowHelp), command.HandlerType);
    }

    [Fact]
    public void Access_RoleAlreadyPlural_IsNotPluralisedAgain()
    {
        Assert.Equal("managers or responders or operations", ReviewCommands.Resolve.Access.Describe());
        Assert.Equal("managers or responders", ReviewCommands.Claim.Access.Describe());
    }

    /// <summary>A command's name lives in its declaration: production code names it through the declaration.</summary>
    [Fact]
    public void ProductionCode_NoCommandName_IsWrittenAsAStringOutsideItsDeclaration()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "bot"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "adapters"), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var found = (from file in sources
                     let text = File.ReadAllText(file)
                     from command in CommandCatalog.All
                     where text.Contains($"\"{command.RouteName}\"", StringComparison.Ordinal)
                     select $"{Path.GetRelativePath(RepoPaths.Root, file)}: \"{command.RouteName}\"").ToList();

        Assert.True(found.Count == 0, "Route names written as strings:\n" + string.Join('\n', found));
    }
}
