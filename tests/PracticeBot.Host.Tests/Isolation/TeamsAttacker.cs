using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using PracticeBot.Adapters.Teams.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Isolation;

/// <summary>
/// Sends attempts as Teams does, with a Bot Framework token the fake signed, from one tenant, team and channel: typed
/// messages (mentions as Teams sends them), <c>Action.Execute</c> invokes and <c>Action.Submit</c> messages.
/// </summary>
public sealed class TeamsAttacker(IsolationHost host, HttpClient client)
{
    public const string Execute = "execute";
    public const string Submit = "submit";

    /// <summary>A command typed in the person's personal (1:1) chat with the bot: no team, only the tenant.</summary>
    public const string Personal = "personal";

    private readonly Lazy<string> _token = new(() => TestTokens.Create(host.Teams, host.Teams.ServiceUrl));
    private int _counter;

    public async Task<AttemptOutcome> SendAsync(Attempt attempt, string delivery, BTargets b, string team, string channel, string userId)
    {
        var mark = host.Teams.Calls.Count;
        var activity = Base(attempt.IsCommand || delivery == Submit ? "message" : "invoke", team, channel, userId);
        if (delivery == Personal)
        {
            activity["conversation"] = new JsonObject { ["id"] = $"a:personal-{userId}", ["conversationType"] = "personal", ["tenantId"] = TwoPractices.TeamsTenant };
            activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TwoPractices.TeamsTenant } };
        }

        if (attempt.IsCommand)
        {
            var (text, mentions) = Mentions(attempt.Line!(b));
            activity["text"] = text;
            activity["entities"] = mentions;
        }
        else
        {
            var data = new JsonObject { ["value"] = attempt.Value!(b) };
            foreach (var (input, value) in attempt.Inputs ?? new Dictionary<string, string>())
            {
                data[input] = value;
            }

            if (delivery == Submit)
            {
                data["verb"] = attempt.ActionId;
                activity["value"] = data;
                activity["replyToId"] = "card-1";
            }
            else
            {
                activity["name"] = "adaptiveCard/action";
                activity["replyToId"] = "card-1";
                activity["value"] = new JsonObject
                {
                    ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = attempt.ActionId, ["data"] = data },
                    ["trigger"] = "manual",
                };
            }
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token.Value);
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"Teams activity answered {(int)response.StatusCode}");

        // A Teams turn is answered in the HTTP response's body (an invoke's card) and through the outbox, whose rows
        // commit with the turn and reach the connector soon after: every one of them is collected before reading.
        await host.SettleAsync();
        var sent = new List<string> { await response.Content.ReadAsStringAsync() };
        sent.AddRange(host.Teams.Calls.Skip(mark).Select(c => $"{c.Method} {c.Path} {c.Body}"));
        return new AttemptOutcome(sent.Where(s => s.Length > 0).ToList());
    }

    /// <summary><c>{@mgr}</c> → <c>&lt;at&gt;someone&lt;/at&gt;</c> with a mention entity naming B's person <c>mgr</c>.</summary>
    private static (string Text, JsonArray Entities) Mentions(string line)
    {
        var entities = new JsonArray();
        foreach (var (key, _, _) in TwoPractices.BPeople)
        {
            var placeholder = $"{{@{key}}}";
            if (!line.Contains(placeholder, StringComparison.Ordinal))
            {
                continue;
            }

            var tag = $"<at>someone {key}</at>";
            line = line.Replace(placeholder, tag, StringComparison.Ordinal);
            entities.Add(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = tag,
                ["mentioned"] = new JsonObject { ["id"] = TwoPractices.TeamsUser('b', key), ["name"] = $"someone {key}" },
            });
        }

        return (line, entities);
    }

    private JsonObject Base(string type, string team, string channel, string userId) => new()
    {
        ["type"] = type,
        ["id"] = $"attack-{Interlocked.Increment(ref _counter)}",
        ["channelId"] = "msteams",
        ["serviceUrl"] = host.Teams.ServiceUrl,
        ["from"] = new JsonObject { ["id"] = userId, ["name"] = "Attacker", ["aadObjectId"] = "aad-" + userId },
        ["recipient"] = new JsonObject { ["id"] = "28:" + TestTokens.AppId, ["name"] = "PracticeBot" },
        ["conversation"] = new JsonObject { ["id"] = channel, ["conversationType"] = "channel", ["tenantId"] = TwoPractices.TeamsTenant },
        ["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TwoPractices.TeamsTenant },
            ["team"] = new JsonObject { ["id"] = team, ["name"] = "Front office" },
            ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "General" },
        },
    };
}
