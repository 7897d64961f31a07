using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using PracticeBot.Adapters.Reviews.Webhook;
using PracticeBot.Adapters.Slack.Events;
using PracticeBot.Host.Reviews.Sources;
using PracticeBot.Host.Tests.TestSupport;

namespace PracticeBot.Host.Tests.Fuzzing;

/// <summary>
/// Builds fuzz case number <c>n</c> of an endpoint from the seed alone, so any failing case can be rebuilt and sent
/// again on its own. About two thirds of the cases are correctly authenticated, so they get past the signature or
/// token check into the parsers and handlers; the rest attack the authentication, the headers and the framing.
/// </summary>
public sealed class FuzzCases(HostileHost host, FuzzCorpus corpus)
{
    public const string Slack = "slack";
    public const string Teams = "teams";
    public const string Webhook = "webhook";

    private const string Form = "application/x-www-form-urlencoded";
    private const string Json = "application/json";

    private static readonly string?[] ContentTypes =
    [
        null, "", "text/plain", "application/json; charset=utf-16", "application/json; charset=bogus", "application/xml", "multipart/form-data; boundary=x",
        "multipart/form-data", "application/x-www-form-urlencoded; charset=latin1", "application/octet-stream", "*/*", ";;;", "application/json\r\nX-Injected: 1",
        "text/html; charset=\"", "application/jsonx", "json", "application/x-www-form-urlencoded, application/json",
    ];

    public FuzzRequest Build(string endpoint, int seed, int n)
    {
        var salt = endpoint switch { Slack => 1, Teams => 2, _ => 3 };
        var m = new Mutator(new Random(unchecked((seed * 1_000_003) + (n * 7_919) + salt)));
        var (path, limit) = endpoint switch
        {
            Slack => (SlackEventsApi.Path, 256 * 1024),
            Teams => ("/api/messages", 256 * 1024),
            _ => (ReviewWebhookApi.Path, 256 * 1024),
        };

        var roll = m.Random.Next(100);
        var (body, contentType, what) = Base(endpoint, m);
        switch (roll)
        {
            case < 12:
                return new FuzzRequest(path, Encoding.UTF8.GetBytes(body), contentType, FuzzAuth.Valid, $"intact {what}");
            case < 42:
                return new FuzzRequest(path, Encoding.UTF8.GetBytes(MutateText(endpoint, body, contentType, m)), contentType, FuzzAuth.Valid, $"structurally mutated {what}");
            case < 52:
                return new FuzzRequest(path, m.MutateBytes(Encoding.UTF8.GetBytes(body)), contentType, FuzzAuth.Valid, $"byte-mutated {what}");
            case < 57:
                return new FuzzRequest(path, m.WithInvalidUtf8(Encoding.UTF8.GetBytes(body)), contentType, FuzzAuth.Valid, $"invalid UTF-8 in {what}");
            case < 63:
                return new FuzzRequest(path, m.RandomBytes(2048), m.Pick(ContentTypes), FuzzAuth.Valid, "random bytes, signed");
            case < 70:
                var wrongType = m.Pick(ContentTypes);
                return new FuzzRequest(path, Encoding.UTF8.GetBytes(m.Chance(0.5) ? body : MutateText(endpoint, body, contentType, m)), wrongType, FuzzAuth.Valid,
                    $"{what} as content type '{wrongType}'");
            case < 80:
                return WithHeaderAttack(endpoint, path, body, contentType, what, m);
            case < 90:
                return WithBadAuth(endpoint, path, m.Chance(0.7) ? body : MutateText(endpoint, body, contentType, m), contentType, what, m);
            case < 94:
                return new FuzzRequest(path, m.RandomBytes(4096), m.Pick(ContentTypes), FuzzAuth.None, "random bytes, unsigned");
            default:
                return Oversized(path, body, contentType, what, limit, m);
        }
    }

    private (string Body, string ContentType, string What) Base(string endpoint, Mutator m)
    {
        switch (endpoint)
        {
            case Slack:
                return m.Random.Next(3) switch
                {
                    0 => (m.Pick(corpus.SlackForms), Form, "slash command"),
                    1 => ("payload=" + Uri.EscapeDataString(m.Pick(corpus.SlackInteractions)), Form, "interaction"),
                    _ => (WithFreshEventId(m.Pick(corpus.SlackEvents), m), Json, "event"),
                };
            case Teams:
                return (WithFreshId(m.Pick(corpus.TeamsActivities), m), Json, "activity");
            default:
                return (WithFreshExternalIds(m.Pick(corpus.WebhookBodies), m), Json, "webhook review");
        }
    }

    private string MutateText(string endpoint, string body, string contentType, Mutator m)
    {
        if (contentType == Form)
        {
            return m.MutateForm(body);
        }

        var mutated = m.MutateJson(body);

        // Most mutated activities keep the serviceUrl the token vouches for, so they are not all refused at that check.
        if (endpoint == Teams && m.Chance(0.8) && TryParseObject(mutated) is { } activity && activity.ContainsKey("serviceUrl"))
        {
            activity["serviceUrl"] = host.Teams.ServiceUrl;
            return activity.ToJsonString();
        }

        return mutated;
    }

    private static FuzzRequest WithHeaderAttack(string endpoint, string path, string body, string contentType, string what, Mutator m)
    {
        var request = new FuzzRequest(path, Encoding.UTF8.GetBytes(body), contentType, FuzzAuth.Valid, "");
        var header = m.Random.Next(7) switch
        {
            0 => ("X-Forwarded-For", "1.2.3.4\r\nX-Injected: yes"),
            1 => (SignatureHeader(endpoint), "v0=" + new string('a', 64) + "\r\n\r\nGET / HTTP/1.1"),
            2 => ("X-Fuzz", new string('x', m.Random.Next(8_000, 200_000))),
            3 => (SignatureHeader(endpoint), "sha256=" + new string('0', 64)),
            4 => ("Content-Type", Json + "\0\u0001\u00ff"),
            5 => (endpoint == Slack ? SlackSignature.TimestampHeader : "Authorization", "1\n2"),
            _ => (SignatureHeader(endpoint), m.OddString()),
        };

        // The header is added to the valid one (a duplicate), replaces nothing: both values arrive.
        return request with { Description = $"{what} with header {header.Item1} = {Show(header.Item2)}", Headers = [new(header.Item1, [header.Item2])] };
    }

    private FuzzRequest WithBadAuth(string endpoint, string path, string body, string contentType, string what, Mutator m)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        List<KeyValuePair<string, string[]>> headers;
        string how;
        switch (endpoint)
        {
            case Slack:
                var choice = m.Random.Next(7);
                var timestamp = choice switch
                {
                    0 => (now - 600).ToString(CultureInfo.InvariantCulture),
                    1 => (now + 600).ToString(CultureInfo.InvariantCulture),
                    2 => "not-a-number",
                    3 => "99999999999999999999999",
                    4 => "-1",
                    _ => now.ToString(CultureInfo.InvariantCulture),
                };
                var signature = choice switch
                {
                    5 => "v0=" + Convert.ToHexStringLower(new byte[32]),
                    6 => m.OddString(),
                    _ => host.SlackSigner.Sign(timestamp, bytes),
                };
                headers = [new(SlackSignature.TimestampHeader, [timestamp]), new(SlackSignature.SignatureHeader, [signature])];
                how = $"timestamp {Show(timestamp)}, signature {Show(signature)}";
                break;
            case Teams:
                var token = m.Random.Next(6) switch
                {
                    0 => "Bearer " + m.Pick(host.BadTeamsTokens),
                    1 => "Bearer " + Tamper(host.TeamsToken, m),
                    2 => "Basic dXNlcjpwYXNz",
                    3 => "Bearer",
                    4 => "Bearer " + m.OddString(),
                    _ => "",
                };
                headers = token.Length == 0 ? [] : [new("Authorization", [token])];
                how = $"authorization {Show(token)}";
                break;
            default:
                var header = m.Random.Next(5) switch
                {
                    0 => WebhookSignature.Sign(bytes, "wrong-secret"),
                    1 => "sha256=" + Convert.ToHexStringLower(new byte[32]),
                    2 => "sha1=abc",
                    3 => m.OddString(),
                    _ => "",
                };
                headers = header.Length == 0 ? [] : [new(WebhookSignature.Header, [header])];
                how = $"signature {Show(header)}";
                break;
        }

        return new FuzzRequest(path, bytes, contentType, FuzzAuth.None, $"{what} with bad authentication: {how}") { Headers = headers };
    }

    private static FuzzRequest Oversized(string path, string body, string contentType, string what, int limit, Mutator m)
    {
        var small = Encoding.UTF8.GetBytes(body);
        switch (m.Random.Next(4))
        {
            case 0:
                return new FuzzRequest(path, small, contentType, FuzzAuth.Valid, $"{what} declaring Content-Length {limit + 1}") { ContentLength = limit + 1 };
            case 1:
                return new FuzzRequest(path, small, contentType, FuzzAuth.Valid, $"{what} declaring Content-Length {long.MaxValue}") { ContentLength = long.MaxValue };
            case 2:
                var huge = new byte[limit + m.Random.Next(1, 70_000)];
                small.CopyTo(huge, 0);
                Array.Fill(huge, (byte)' ', small.Length, huge.Length - small.Length);
                return new FuzzRequest(path, huge, contentType, FuzzAuth.Valid, $"{what} padded to {huge.Length} bytes, no Content-Length") { Chunked = true };
            default:
                return new FuzzRequest(path, small, contentType, FuzzAuth.Valid, $"{what} with Content-Length 1 (shorter than the body)") { ContentLength = 1 };
        }
    }

    private static string SignatureHeader(string endpoint) => endpoint switch
    {
        Slack => SlackSignature.SignatureHeader,
        Teams => "Authorization",
        _ => WebhookSignature.Header,
    };

    private static string Tamper(string token, Mutator m)
    {
        var chars = token.ToCharArray();
        var i = m.Random.Next(chars.Length);
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        return new string(chars);
    }

    private static string WithFreshEventId(string json, Mutator m) =>
        TryParseObject(json) is { } obj && obj.ContainsKey("event_id") ? Set(obj, "event_id", "Ev" + m.Random.Next().ToString(CultureInfo.InvariantCulture)) : json;

    private static string WithFreshId(string json, Mutator m) =>
        TryParseObject(json) is { } obj ? Set(obj, "id", "fuzz-" + m.Random.Next().ToString(CultureInfo.InvariantCulture)) : json;

    private static string WithFreshExternalIds(string json, Mutator m)
    {
        // Half the reviews are new, half repeat an earlier case's id (an edit or an idempotent repeat).
        var id = "fz-" + m.Random.Next(m.Chance(0.5) ? 50 : int.MaxValue).ToString(CultureInfo.InvariantCulture);
        return json.Replace("\"externalId\":\"fz-", $"\"externalId\":\"{id}-", StringComparison.Ordinal);
    }

    private static string Set(JsonObject obj, string key, string value)
    {
        obj[key] = value;
        return obj.ToJsonString();
    }

    private static JsonObject? TryParseObject(string json)
    {
        try
        {
            var obj = JsonNode.Parse(json) as JsonObject;
            _ = obj?.Count; // duplicate keys only throw when the object is first read
            return obj;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or ArgumentException)
        {
            return null;
        }
    }

    private static string Show(string value) => value.Length <= 60 ? value.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) : $"{value[..40]}… ({value.Length} chars)";
}
