using System.Text.Json;
using System.Text.Json.Nodes;
using PracticeBot.Adapters.Teams.Protocol;

namespace PracticeBot.Adapters.Teams.Tests.TestSupport;

/// <summary>
/// Golden JSON files under <c>Payloads/</c>. Compared as parsed JSON; set <c>PRACTICEBOT_UPDATE_GOLDEN=1</c> to
/// rewrite them in the source tree after a deliberate change (then review the diff).
/// </summary>
public static class Golden
{
    private static readonly JsonSerializerOptions Indented = new(TeamsJson.Options) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Indented);

    public static string Read(string relativePath) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", relativePath));

    public static void AssertMatches(string relativePath, string actualJson)
    {
        var source = Path.Combine(RepoPaths.Root, "tests", "PracticeBot.Adapters.Teams.Tests", "Payloads", relativePath);
        if (Environment.GetEnvironmentVariable("PRACTICEBOT_UPDATE_GOLDEN") == "1")
        {
            // Rewriting goldens is a developer's step, reviewed in the diff; in CI it would make every golden test pass.
            Assert.False(
                string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
                "PRACTICEBOT_UPDATE_GOLDEN must not be set in CI.");
            File.WriteAllText(source, actualJson + "\n");
            return;
        }

        var expected = JsonNode.Parse(File.ReadAllText(source));
        var actual = JsonNode.Parse(actualJson);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{relativePath} differs from the rendered JSON:\n{actualJson}");
    }
}
