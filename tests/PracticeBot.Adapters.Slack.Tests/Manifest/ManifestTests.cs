using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Generation;
using NJsonSchema.References;
using PracticeBot.Adapters.Slack.Install;
using PracticeBot.Adapters.Slack.Tests.TestSupport;
using PracticeBot.Core.Conversation;
using PracticeBot.Core.Conversation.Commands;
using PracticeBot.Core.Conversation.Routing;
using YamlDotNet.Serialization;

namespace PracticeBot.Adapters.Slack.Tests.Manifest;

/// <summary><c>manifests/slack/manifest.yaml</c> against Slack's manifest schema and against what the code does.</summary>
public sealed class ManifestTests
{
    private static readonly string ManifestPath = Path.Combine(RepoPaths.Root, "manifests", "slack", "manifest.yaml");

    [Fact]
    public async Task Manifest_AsJson_ValidAgainstSlacksSchema()
    {
        var schemaFolder = Path.Combine(RepoPaths.Schemas, "slack");
        var rootPath = Path.Combine(schemaFolder, "manifest.schema.json");
        // The root schema refers to the versioned schemas by URL; they are read from the same folder (no network).
        var schema = await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(rootPath), rootPath, s => new LocalReferences(s, schemaFolder));

        var errors = schema.Validate(ManifestJson());

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public async Task Manifest_BrokenCopy_FailsSchema()
    {
        var schemaFolder = Path.Combine(RepoPaths.Schemas, "slack");
        var rootPath = Path.Combine(schemaFolder, "manifest.schema.json");
        var schema = await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(rootPath), rootPath, s => new LocalReferences(s, schemaFolder));
        var broken = JObject.Parse(ManifestJson());
        broken["features"]!["slash_commands"]![0]!["command"] = "review"; // Slack requires the leading slash

        Assert.NotEmpty(schema.Validate(broken.ToString()));
    }

    [Fact]
    public void Manifest_SlashCommands_AreTheGrammarsRootsButHelp()
    {
        var commands = Manifest()["features"]!["slash_commands"]!.Select(c => ((string)c["command"]!).TrimStart('/')).Order().ToList();

        // help is no slash command of its own: /review help, /posting help and /practice help (everything) answer it.
        Assert.Equal(CommandCatalog.Roots.Where(r => r != CommandCatalog.Help).Order(), commands);
        Assert.All(commands, c => Assert.NotEmpty(CommandCatalog.ForRoot(c)));
    }

    [Fact]
    public void Manifest_SlashCommands_AreExactlyTheRoutedRoots()
    {
        var services = new ServiceCollection().AddPracticeBotCore();
        var router = (BotRouter)services.Single(d => d.ServiceType == typeof(BotRouter)).ImplementationInstance!;
        var routedRoots = router.Routes.Where(r => r.Kind == RouteKind.Command)
            .Select(r => r.Name["command:".Length..].Split(' ')[0]).Where(r => r != CommandCatalog.Help).Distinct().ToList();
        var commands = Manifest()["features"]!["slash_commands"]!.Select(c => ((string)c["command"]!).TrimStart('/')).ToHashSet();

        Assert.NotEmpty(routedRoots);
        Assert.All(routedRoots, root => Assert.Contains(root, commands));
        Assert.All(commands, command => Assert.Contains(command, routedRoots));
        Assert.All(Manifest()["features"]!["slash_commands"]!, c => Assert.EndsWith("/slack/events", (string)c["url"]!, StringComparison.Ordinal));
    }

    /// <summary>
    /// Each form of a slash command's usage hint is one the grammar declares: a verb of that root (<c>claim &lt;id&gt;</c>),
    /// an implicit command's words (<c>[open|mine|all]</c>, <c>&lt;id&gt;</c>), or <c>help</c>.
    /// </summary>
    [Fact]
    public void Manifest_UsageHints_NameOnlyDeclaredCommands()
    {
        var problems = new List<string>();
        foreach (var command in Manifest()["features"]!["slash_commands"]!)
        {
            var root = ((string)command["command"]!).TrimStart('/');
            var declared = CommandCatalog.ForRoot(root).ToList();
            var verbs = declared.Where(c => !c.Implicit).Select(c => c.Verb).Append(CommandCatalog.Help).ToHashSet(StringComparer.Ordinal);
            var implicitWords = declared.Where(c => c.Implicit).SelectMany(c => c.Params.Take(1)).SelectMany(p => p.Choices ?? []).ToHashSet(StringComparer.Ordinal);
            foreach (var form in ((string)command["usage_hint"]!).Split(" | ").Select(f => f.Trim()))
            {
                var first = form.Split(' ')[0];
                var known = first switch
                {
                    ['[', .., ']'] => first[1..^1].Split('|').All(implicitWords.Contains),
                    ['<', ..] => declared.Any(c => c.Implicit && c.Params.Count > 0 && !c.Params[0].Optional),
                    _ => verbs.Contains(first),
                };
                if (!known)
                {
                    problems.Add($"/{root}: `{form}`");
                }
            }
        }

        Assert.True(problems.Count == 0, "Usage hints naming commands the grammar does not declare:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void Manifest_BotScopes_AreExactlyWhatTheCodeUses()
    {
        var scopes = Manifest()["oauth_config"]!["scopes"]!["bot"]!.Select(s => (string)s!).Order();

        Assert.Equal(SlackScopes.Bot.Order(), scopes);
    }

    [Fact]
    public void Manifest_Events_AreTheOnesTheAdapterHandles()
    {
        var events = Manifest()["settings"]!["event_subscriptions"]!["bot_events"]!.Select(s => (string)s!).Order();

        Assert.Equal(["app_home_opened", "app_mention", "app_uninstalled", "member_joined_channel", "tokens_revoked"], events);
        Assert.True((bool)Manifest()["settings"]!["interactivity"]!["is_enabled"]!);
        Assert.NotNull(Manifest()["settings"]!["socket_mode_enabled"]);
    }

    private static JObject Manifest() => JObject.Parse(ManifestJson());

    private static string ManifestJson()
    {
        var yaml = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build()
            .Deserialize<object>(File.ReadAllText(ManifestPath));
        return new SerializerBuilder().JsonCompatible().Build().Serialize(yaml);
    }

    private sealed class LocalReferences(JsonSchema schema, string folder)
        : JsonReferenceResolver(new JsonSchemaAppender(schema, new DefaultTypeNameGenerator()))
    {
        public override async Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken)
        {
            var local = Path.Combine(folder, Path.GetFileName(new Uri(url).AbsolutePath));
            return await JsonSchema.FromFileAsync(local, cancellationToken);
        }
    }
}
