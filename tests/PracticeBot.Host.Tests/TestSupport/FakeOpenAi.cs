using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PracticeBot.Host.Tests.TestSupport;

/// <summary>
/// A loopback fake of OpenAI's chat-completions API (<c>POST /v1/chat/completions</c>, non-streaming JSON, as in
/// OpenAI's API reference): answers are scripted per test, in order, and every request body is recorded.
/// </summary>
public sealed class FakeOpenAi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Answer> _script = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly CancellationTokenSource _stopping = new();

    private FakeOpenAi(WebApplication app) => _app = app;

    /// <summary>The base URL to configure as <c>AI:Endpoint</c> (ends with <c>/v1</c>).</summary>
    public string Endpoint { get; private set; } = "";

    /// <summary>Every request body received, in order.</summary>
    public IReadOnlyList<string> Requests => _requests.ToArray();

    /// <summary>The messages of one request as role/content pairs.</summary>
    public IReadOnlyList<(string Role, string Content)> MessagesOf(int request) =>
        JsonNode.Parse(Requests[request])!["messages"]!.AsArray()
            .Select(m => (m!["role"]!.GetValue<string>(), m["content"] is JsonValue v ? v.GetValue<string>() : m["content"]!.ToJsonString()))
            .ToList();

    public static async Task<FakeOpenAi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeOpenAi(app);
        app.MapPost("/v1/chat/completions", fake.CompleteAsync);
        await app.StartAsync();
        fake.Endpoint = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/v1";
        return fake;
    }

    /// <summary>The next request is answered with this assistant message.</summary>
    public FakeOpenAi Says(string content)
    {
        _script.Enqueue(new Answer(content, null, false));
        return this;
    }

    /// <summary>The next request fails with this status and OpenAI's error object.</summary>
    public FakeOpenAi FailsWith(int status)
    {
        _script.Enqueue(new Answer(null, status, false));
        return this;
    }

    /// <summary>The next request is never answered (until the caller gives up or the fake stops).</summary>
    public FakeOpenAi Hangs()
    {
        _script.Enqueue(new Answer(null, null, true));
        return this;
    }

    private async Task CompleteAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        _requests.Enqueue(body);
        if (!_script.TryDequeue(out var answer))
        {
            answer = new Answer(null, 500, false);
        }

        if (answer.Hang)
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping.Token);
            await Task.Delay(Timeout.InfiniteTimeSpan, both.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        if (answer.Status is { } status)
        {
            http.Response.StatusCode = status;
            await http.Response.WriteAsJsonAsync(new JsonObject
            {
                ["error"] = new JsonObject { ["message"] = "The server had an error while processing your request.", ["type"] = "server_error", ["param"] = null, ["code"] = null },
            });
            return;
        }

        var model = JsonNode.Parse(body)?["model"]?.GetValue<string>() ?? "unknown";
        await http.Response.WriteAsJsonAsync(new JsonObject
        {
            ["id"] = $"chatcmpl-{_requests.Count}",
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = answer.Content, ["refusal"] = null },
                ["logprobs"] = null,
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 50, ["completion_tokens"] = 30, ["total_tokens"] = 80 },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private sealed record Answer(string? Content, int? Status, bool Hang);
}
