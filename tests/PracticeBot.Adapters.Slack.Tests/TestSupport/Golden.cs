using System.Text.Json;
using System.Text.Json.Nodes;

namespace PracticeBot.Adapters.Slack.Tests.TestSupport;

/// <summary>
/// Golden JSON files under <c>Payloads/</c>. A mismatch fails with both texts. To accept a deliberate change, run the
/// tests once with <c>PRACTICEBOT_UPDATE_GOLDEN=1</c> and review the diff of the files before committing.
/// </summary>
public static class Golden
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", relativePath));

    public static void AssertMatches(string relativePath, JsonNode? actual)
    {
        var actualText = actual is null ? "null" : actual.ToJsonString(Indented);
        if (Environment.GetEnvironmentVariable("PRACTICEBOT_UPDATE_GOLDEN") == "1")
        {
            // Rewriting goldens is a developer's step, reviewed in the diff; in CI it would make every golden test pass.
            Assert.False(
                string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
                "PRACTICEBOT_UPDATE_GOLDEN must not be set in CI.");
            var source = Path.Combine(RepoPaths.Root, "tests", "PracticeBot.Adapters.Slack.Tests", "Payloads", relativePath);
            File.WriteAllText(source, actualText + "\n");
            return;
        }

        var expected = JsonNode.Parse(Read(relativePath));
        var expectedText = expected is null ? "null" : expected.ToJsonString(Indented);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{relativePath} differs.\nExpected:\n{expectedText}\nActual:\n{actualText}");
    }
}
