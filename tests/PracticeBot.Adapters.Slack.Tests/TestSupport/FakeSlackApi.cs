using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PracticeBot.Adapters.Slack.Tests.TestSupport;

/// <summary>
/// A local stand-in for Slack on 127.0.0.1: the Web API methods the bot calls, answering with Slack's documented
/// response shapes, a <c>response_url</c> sink, and a Socket Mode WebSocket endpoint. It records every call.
/// A test can script the next answers of a method (an error, a 429 with Retry-After), make every answer slow
/// (<see cref="Latency"/>: the call is recorded and takes effect first, so a client that dies while waiting leaves a
/// message Slack has), or take the whole API down (<see cref="Down"/>: 503s, or requests that hang and are cut).
/// Posted messages are kept per channel, with their metadata, and served back by <c>conversations.history</c> and
/// <c>conversations.replies</c> as Slack does (newest first, <c>oldest</c> exclusive, cursor pages).
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    /// <summary>A user id containing this is a guest to <c>users.info</c>.</summary>
    public const string GuestMarker = "GUEST";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<HttpContext, Task<bool>>>> _scripts = new();
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly ConcurrentDictionary<string, byte[]> _uploads = new();
    private readonly ConcurrentDictionary<string, List<JsonObject>> _history = new();
    private long _ts = 1700000000;
    private long _messageMicros;
    private int _outageCalls;

    private FakeSlackApi(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyCollection<RecordedCall> Calls => _calls.ToArray();

    /// <summary>The bytes POSTed to each <c>upload_url</c> handed out by <c>files.getUploadURLExternal</c>, by file id.</summary>
    public IReadOnlyDictionary<string, byte[]> Uploads => _uploads;

    /// <summary>Handles Socket Mode connections (set by Socket Mode tests).</summary>
    public Func<WebSocket, int, Task>? SocketHandler { get; set; }

    public int SocketConnections => _socketConnections;

    private int _socketConnections;

    public static async Task<FakeSlackApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlackApi(app);
        app.UseWebSockets();
        app.Map("/link", fake.SocketAsync);
        app.MapPost("/api/{method}", fake.ApiAsync);
        app.MapPost("/hooks/{id}", fake.HookAsync);
        app.MapPost("/upload/{id}", fake.UploadAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = address.TrimEnd('/');
        return fake;
    }

    public string ApiBaseUrl => BaseUrl + "/api/";

    /// <summary>How long every Web API answer takes, after the call was recorded and took effect.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>While set, every Web API call fails this way, without taking effect (it is recorded as failed).</summary>
    public SlackOutage? Down { get; set; }

    /// <summary>How long a request hangs in a <see cref="SlackOutage.Timeouts"/> outage before its connection is cut.</summary>
    public TimeSpan HangFor { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Called with each Web API call once it is recorded and took effect, before its answer (and <see cref="Latency"/>).</summary>
    public Action<RecordedCall>? Recorded { get; set; }

    /// <summary>The messages of a channel as Slack keeps them, oldest first.</summary>
    public IReadOnlyList<JsonObject> History(string channel)
    {
        var messages = _history.GetOrAdd(channel, _ => []);
        lock (messages)
        {
            return [.. messages.Select(m => (JsonObject)m.DeepClone())];
        }
    }

    /// <summary>The outbox id in a call's message metadata, if it carries PracticeBot's.</summary>
    public static string? OutboxIdOf(RecordedCall call) =>
        call.Body["metadata"] is JsonObject { } metadata && metadata["event_type"]?.GetValue<string>() == "practicebot_outbox"
            ? metadata["event_payload"]?["outbox_id"]?.GetValue<string>()
            : null;

    public string ResponseUrl(string id) => $"{BaseUrl}/hooks/{id}";

    public IReadOnlyList<RecordedCall> CallsTo(string method) => Calls.Where(c => c.Method == method).ToList();

    /// <summary>The next call of <paramref name="method"/> gets Slack's <c>{"ok": false, "error": …}</c>.</summary>
    public void FailNext(string method, string error) => Script(method, async http =>
    {
        await WriteJsonAsync(http, new JsonObject { ["ok"] = false, ["error"] = error });
        return false;
    });

    /// <summary>The next call of <paramref name="method"/> gets HTTP 429 with <c>Retry-After</c>.</summary>
    public void RateLimitNext(string method, int retryAfterSeconds) => Script(method, async http =>
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await WriteJsonAsync(http, new JsonObject { ["ok"] = false, ["error"] = "ratelimited" });
        return false;
    });

    /// <summary>The next call of <paramref name="method"/> gets an HTTP 500 (Slack having a bad moment).</summary>
    public void ServerErrorNext(string method) => Script(method, http =>
    {
        http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return Task.FromResult(false);
    });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Script(string method, Func<HttpContext, Task<bool>> answer) =>
        _scripts.GetOrAdd(method, _ => new ConcurrentQueue<Func<HttpContext, Task<bool>>>()).Enqueue(answer);

    private async Task ApiAsync(HttpContext http, string method)
    {
        var body = await ReadBodyAsync(http.Request);
        var authorization = http.Request.Headers.Authorization.ToString();
        if (Down is { } outage)
        {
            _calls.Enqueue(new RecordedCall(method, body, authorization, DateTimeOffset.UtcNow, false));
            var hang = outage == SlackOutage.Timeouts || (outage == SlackOutage.Mixed && Interlocked.Increment(ref _outageCalls) % 2 == 0);
            if (hang)
            {
                await Task.Delay(HangFor);
                http.Abort();
                return;
            }

            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        if (_scripts.TryGetValue(method, out var queue) && queue.TryDequeue(out var scripted))
        {
            var succeeded = await scripted(http);
            _calls.Enqueue(new RecordedCall(method, body, authorization, DateTimeOffset.UtcNow, succeeded));
            return;
        }

        var answer = Answer(method, body);
        var call = new RecordedCall(method, body, authorization, DateTimeOffset.UtcNow, true);
        _calls.Enqueue(call);
        Recorded?.Invoke(call);
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency);
        }

        await WriteJsonAsync(http, answer);
    }

    /// <summary>Keeps a posted message in its channel's history, as Slack would show it to the bot.</summary>
    private void Keep(string channel, string ts, JsonObject body)
    {
        var message = new JsonObject { ["type"] = "message", ["bot_id"] = "B0FAKE", ["text"] = body["text"]?.DeepClone(), ["ts"] = ts };
        if (body["thread_ts"] is { } thread)
        {
            message["thread_ts"] = thread.DeepClone();
        }

        if (body["metadata"] is JsonObject metadata)
        {
            message["metadata"] = metadata.DeepClone();
        }

        var messages = _history.GetOrAdd(channel, _ => []);
        lock (messages)
        {
            messages.Add(message);
        }
    }

    private void Edit(string channel, string ts, JsonObject body)
    {
        var messages = _history.GetOrAdd(channel, _ => []);
        lock (messages)
        {
            if (messages.FirstOrDefault(m => m["ts"]?.GetValue<string>() == ts) is { } message)
            {
                message["text"] = body["text"]?.DeepClone();
            }
        }
    }

    /// <summary>
    /// <c>conversations.history</c> (top-level messages) or <c>conversations.replies</c> (a thread, its parent first):
    /// newer than <c>oldest</c>, newest first for history, <c>limit</c> to a page, metadata only when asked for.
    /// </summary>
    private JsonObject Read(JsonObject body, string? thread)
    {
        var channel = body["channel"]?.GetValue<string>() ?? "";
        var oldest = decimal.TryParse(body["oldest"]?.GetValue<string>(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var o) ? o : 0m;
        var limit = int.TryParse(body["limit"]?.GetValue<string>(), out var l) && l > 0 ? Math.Min(l, 999) : 100;
        var skip = int.TryParse(body["cursor"]?.GetValue<string>(), out var c) ? c : 0;
        var withMetadata = body["include_all_metadata"]?.GetValue<string>() is "true" or "1";
        var messages = _history.GetOrAdd(channel, _ => []);
        List<JsonObject> all;
        lock (messages)
        {
            all = [.. messages.Select(m => (JsonObject)m.DeepClone())];
        }

        static decimal Ts(JsonObject m) => decimal.Parse(m["ts"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        static string? ThreadOf(JsonObject m) => m["thread_ts"]?.GetValue<string>();
        var matching = thread is null
            ? all.Where(m => ThreadOf(m) is null || ThreadOf(m) == m["ts"]!.GetValue<string>()).OrderByDescending(Ts)
            : all.Where(m => m["ts"]!.GetValue<string>() == thread || ThreadOf(m) == thread).OrderBy(Ts);
        var inRange = matching.Where(m => Ts(m) > oldest).ToList();
        var page = inRange.Skip(skip).Take(limit).ToList();
        if (!withMetadata)
        {
            page.ForEach(m => m.Remove("metadata"));
        }

        var more = skip + page.Count < inRange.Count;
        return new JsonObject
        {
            ["ok"] = true,
            ["messages"] = new JsonArray([.. page]),
            ["has_more"] = more,
            ["response_metadata"] = new JsonObject { ["next_cursor"] = more ? (skip + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : "" },
        };
    }

    private async Task HookAsync(HttpContext http, string id)
    {
        var body = await ReadBodyAsync(http.Request);
        _calls.Enqueue(new RecordedCall($"response_url:{id}", body, "", DateTimeOffset.UtcNow, true));
        await WriteJsonAsync(http, new JsonObject { ["ok"] = true });
    }

    private async Task UploadAsync(HttpContext http, string id)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        _uploads[id] = buffer.ToArray();
        _calls.Enqueue(new RecordedCall($"upload:{id}", new JsonObject { ["length"] = buffer.Length }, http.Request.Headers.Authorization.ToString(), DateTimeOffset.UtcNow, true));
        http.Response.ContentType = "text/plain";
        await http.Response.WriteAsync($"OK - {buffer.Length}");
    }

    private async Task SocketAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest || SocketHandler is null)
        {
            http.Response.StatusCode = 400;
            return;
        }

        var number = Interlocked.Increment(ref _socketConnections);
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        await SocketHandler(socket, number);
    }

    /// <summary>Slack's documented success shapes for each method.</summary>
    private JsonObject Answer(string method, JsonObject body)
    {
        string NextTs() => NextMessageTs();
        string? Get(string key) => body[key]?.GetValue<string>();
        return method switch
        {
            "chat.postMessage" => Posted(Get("channel") ?? "", NextTs()),
            "chat.update" => Updated(Get("channel") ?? "", Get("ts") ?? ""),
            "conversations.history" => Read(body, thread: null),
            "conversations.replies" => Read(body, Get("ts")),
            "chat.postEphemeral" => new JsonObject { ["ok"] = true, ["message_ts"] = NextTs() },
            "views.open" or "views.update" or "views.publish" => new JsonObject
            {
                ["ok"] = true, ["view"] = new JsonObject { ["id"] = "V0FAKE" + Interlocked.Increment(ref _ts), ["type"] = "modal" },
            },
            "conversations.open" => new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = "D" + Get("users") } },
            "users.info" => new JsonObject
            {
                ["ok"] = true,
                ["user"] = new JsonObject
                {
                    ["id"] = Get("user"), ["name"] = "ann", ["real_name"] = "Ann Lee", ["is_bot"] = false, ["tz"] = "America/Chicago",
                    // Users named as guests are guests: multi-channel (is_restricted) or, with ULTRA, single-channel ones.
                    ["is_restricted"] = Get("user")?.Contains(GuestMarker, StringComparison.Ordinal) == true,
                    ["is_ultra_restricted"] = Get("user")?.Contains(GuestMarker + "ULTRA", StringComparison.Ordinal) == true,
                    ["profile"] = new JsonObject { ["display_name"] = "Ann", ["real_name"] = "Ann Lee" },
                },
            },
            "auth.test" => new JsonObject
            {
                ["ok"] = true, ["url"] = "https://fake.slack.com/", ["team"] = "Fake Team", ["user"] = "practicebot",
                ["team_id"] = SlackTestData.TeamId, ["user_id"] = SlackTestData.BotUserId, ["bot_id"] = "B0FAKE",
            },
            "oauth.v2.access" => new JsonObject
            {
                ["ok"] = true, ["access_token"] = "xoxb-installed-token", ["token_type"] = "bot", ["scope"] = "commands,chat:write",
                ["bot_user_id"] = SlackTestData.BotUserId, ["app_id"] = "A0FAKE",
                ["team"] = new JsonObject { ["name"] = "Installed Team", ["id"] = "T0INSTALL" },
                ["enterprise"] = null, ["is_enterprise_install"] = false,
                ["authed_user"] = new JsonObject { ["id"] = "U0INSTALLER" },
            },
            "files.getUploadURLExternal" => UploadTicket(),
            "files.completeUploadExternal" => new JsonObject
            {
                ["ok"] = true,
                ["files"] = new JsonArray([.. (body["files"] as JsonArray ?? []).Select(f => (JsonNode)new JsonObject
                {
                    ["id"] = f?["id"]?.GetValue<string>(), ["title"] = f?["title"]?.GetValue<string>(),
                })]),
            },
            "apps.connections.open" => new JsonObject { ["ok"] = true, ["url"] = BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/link?ticket=1" },
            _ => new JsonObject { ["ok"] = false, ["error"] = "unknown_method" },
        };

        JsonObject Posted(string channel, string ts)
        {
            Keep(channel, ts, body);
            return new JsonObject
            {
                ["ok"] = true, ["channel"] = channel, ["ts"] = ts,
                ["message"] = new JsonObject { ["type"] = "message", ["text"] = Get("text") },
            };
        }

        JsonObject Updated(string channel, string ts)
        {
            Edit(channel, ts, body);
            return new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = ts, ["text"] = Get("text") };
        }
    }

    /// <summary>A message ts as Slack makes them: the time it was posted, to the microsecond, unique in the workspace.</summary>
    private string NextMessageTs()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        long micros, next;
        do
        {
            micros = Interlocked.Read(ref _messageMicros);
            next = Math.Max(micros + 1, now);
        }
        while (Interlocked.CompareExchange(ref _messageMicros, next, micros) != micros);

        return $"{next / 1_000_000}.{next % 1_000_000:D6}";
    }

    private JsonObject UploadTicket()
    {
        var id = "F0FAKE" + Interlocked.Increment(ref _ts);
        return new JsonObject { ["ok"] = true, ["upload_url"] = $"{BaseUrl}/upload/{id}", ["file_id"] = id };
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            var json = new JsonObject();
            foreach (var (key, value) in form)
            {
                json[key] = value.ToString();
            }

            return json;
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        return text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? [];
    }

    private static Task WriteJsonAsync(HttpContext http, JsonObject json)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(json.ToJsonString());
    }
}
