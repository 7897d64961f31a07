using System.Net;
using PracticeBot.Adapters.Slack.Tests.TestSupport;

namespace PracticeBot.Host.Tests.TestSupport;

/// <summary>What the tests of real host processes do with them: run a Slack command, read their logs for errors.</summary>
public static class HostChecks
{
    /// <summary>Runs <c>/practice <paramref name="text"/></c> on one host and waits for its answer, inline or through response_url.</summary>
    public static async Task PracticeCommandAsync(HttpClient http, FakeSlackApi slack, HostProcess host, string text, string expected)
    {
        var hook = Guid.NewGuid().ToString("N");
        using var request = SignedRequests.SlashCommand(host.Url, "/practice", text, slack.ResponseUrl(hook));
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var inline = await response.Content.ReadAsStringAsync();
        await Eventually.TrueAsync(
            () => Task.FromResult(inline.Contains(expected, StringComparison.Ordinal)
                || slack.CallsTo($"response_url:{hook}").Any(c => c.Json.Contains(expected, StringComparison.Ordinal))),
            $"'{expected}' in the answer to /practice {text} on {host.Name}");
    }

    /// <summary>
    /// Each error the bot itself logged, or any crash, with the two lines after it (the console logger's message and
    /// exception). EF Core's own errors are left out: it logs a unique-index violation it then handles, and its
    /// migration lock's first look at a history table that is not there yet, as errors.
    /// </summary>
    public static string OwnErrors(HostProcess host)
    {
        var lines = host.Output.Split('\n');
        return string.Concat(lines.Select((line, i) => line.StartsWith("fail: PracticeBot", StringComparison.Ordinal) || line.StartsWith("crit: ", StringComparison.Ordinal)
            ? $"{host.Name}: {string.Join("\n", lines.Skip(i).Take(3))}\n"
            : ""));
    }
}
