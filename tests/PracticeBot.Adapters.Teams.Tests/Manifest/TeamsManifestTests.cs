using System.Text.Json.Nodes;
using NJsonSchema;
using PracticeBot.Adapters.Teams.Tests.TestSupport;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Routing;
using Microsoft.Extensions.DependencyInjection;
using PracticeBot.Core.Conversation;

namespace PracticeBot.Adapters.Teams.Tests.Manifest;

public sealed class TeamsManifestTests
{

    private static string ManifestPath => Path.Combine(RepoPaths.Root, "manifests", "teams", "manifest.json");

    [Fact]
    public async Task Manifest_AgainstSchema129_IsValid()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepoPaths.Schemas, "teams", "MicrosoftTeams.v1.29.schema.json"));

        var errors = schema.Validate(await File.ReadAllTextAsync(ManifestPath));

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public async Task Manifest_Bot_HasTheThreeScopes()
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(ManifestPath))!;

        var scopes = manifest["bots"]![0]!["scopes"]!.AsArray().Select(s => (string?)s).Order();

        Assert.Equal(["groupChat", "personal", "team"], scopes);
    }

    [Fact]
    public async Task Manifest_EveryListedCommand_IsARoutedCommandRoot()
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(ManifestPath))!;
        var router = new ServiceCollection().AddPracticeBotCore().BuildServiceProvider().GetRequiredService<BotRouter>();
        var routedRoots = router.Routes.Where(r => r.Kind == RouteKind.Command)
            .Select(r => r.Name["command:".Length..].Split(' ')[0]).ToHashSet();
        var titles = manifest["bots"]!.AsArray()
            .SelectMany(b => b!["commandLists"]!.AsArray())
            .SelectMany(l => l!["commands"]!.AsArray())
            .Select(c => (string)c!["title"]!)
            .ToList();

        Assert.Equal(CommandCatalog.Roots, titles);
        Assert.All(titles, t => Assert.True(CommandCatalog.IsRoot(t), $"{t} is not a command root"));
        Assert.All(titles, t => Assert.Contains(t, routedRoots));
    }

    /// <summary>A single word in a command's description (<c>claim</c>, <c>volunteer</c>) is a verb that root declares.</summary>
    [Fact]
    public async Task Manifest_CommandDescriptions_NameOnlyDeclaredVerbs()
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(ManifestPath))!;
        var problems = new List<string>();
        foreach (var command in manifest["bots"]!.AsArray().SelectMany(b => b!["commandLists"]!.AsArray()).SelectMany(l => l!["commands"]!.AsArray()))
        {
            var root = (string)command!["title"]!;
            var verbs = CommandCatalog.ForRoot(root).Where(c => !c.Implicit).Select(c => c.Verb).ToHashSet(StringComparer.Ordinal);
            var words = ((string)command["description"]!).Split([',', ';']).Select(p => p.Trim())
                .Where(p => p.Length > 0 && p.All(char.IsAsciiLetterLower));
            problems.AddRange(words.Where(w => !verbs.Contains(w)).Select(w => $"{root}: {w}"));
        }

        Assert.True(problems.Count == 0, "Descriptions naming verbs the grammar does not declare:\n" + string.Join('\n', problems));
    }
}
