using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PracticeBot.Testing;

/// <summary>
/// Golden JSON files under the test project's <c>Payloads/</c>, compared as parsed JSON. A mismatch fails with both
/// texts. To accept a deliberate change, run the tests once with <c>PRACTICEBOT_UPDATE_GOLDEN=1</c>: the files in the
/// source tree are rewritten; review their diff before committing.
/// </summary>
public static class Golden
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> IndentedCopies = [];

    /// <summary>A golden file as copied to the test's output folder.</summary>
    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", relativePath));

    /// <summary>Indented JSON of <paramref name="value"/> with the platform's own serializer options, as the golden files hold it.</summary>
    public static string Serialize<T>(T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(value, IndentedCopies.GetValue(options, o => new(o) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

    public static void AssertMatches(string relativePath, JsonNode? actual) =>
        AssertMatches(relativePath, actual is null ? "null" : actual.ToJsonString(Indented));

    public static void AssertMatches(string relativePath, string actualJson)
    {
        if (Environment.GetEnvironmentVariable("PRACTICEBOT_UPDATE_GOLDEN") == "1")
        {
            // Rewriting goldens is a developer's step, reviewed in the diff; in CI it would make every golden test pass.
            Assert.False(
                string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
                "PRACTICEBOT_UPDATE_GOLDEN must not be set in CI.");
            File.WriteAllText(Path.Combine(RepoPaths.TestProject, "Payloads", relativePath), actualJson + "\n");
            return;
        }

        var expected = JsonNode.Parse(Read(relativePath));
        var expectedText = expected is null ? "null" : expected.ToJsonString(Indented);
        Assert.True(
            JsonNode.DeepEquals(expected, JsonNode.Parse(actualJson)),
            $"{relativePath} differs.\nExpected:\n{expectedText}\nActual:\n{actualJson}");
    }
}
