using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PracticeBot.Adapters.Slack.SocketMode;
using PracticeBot.Adapters.Slack.Tests.TestSupport;

namespace PracticeBot.Adapters.Slack.Tests.SocketMode;

/// <summary>What the Socket Mode client does with a peer that sends too much, and with an envelope whose handling fails.</summary>
public sealed class SocketModeLimitsTests
{
    [Fact]
    public async Task Receive_MessageOverTheCap_ClosesWith1009LogsAndReconnects()
    {
        var closes = Channel.CreateUnbounded<WebSocketCloseStatus?>();
        var acks = Channel.CreateUnbounded<JsonObject>();
        await using var slack = await FakeSlackApi.StartAsync();
        slack.SocketHandler = async (socket, connection) =>
        {
            await SendAsync(socket, Hello());
            if (connection == 1)
            {
                // 12 KB in three frames of one message, against a 4 KB cap: the client must stop reading at the cap.
                var chunk = Encoding.UTF8.GetBytes(new string('x', 4 * 1024));
                await socket.SendAsync(Encoding.UTF8.GetBytes("{\"type\":\"events_api\",\"pad\":\""), WebSocketMessageType.Text, false, CancellationToken.None);
                await socket.SendAsync(chunk, WebSocketMessageType.Text, false, CancellationToken.None);
                await socket.SendAsync(chunk, WebSocketMessageType.Text, false, CancellationToken.None);
                await socket.SendAsync(chunk, WebSocketMessageType.Text, false, CancellationToken.None);
                closes.Writer.TryWrite(await ReceiveCloseAsync(socket));
                return;
            }

            await SendAsync(socket, SlashEnvelope("env-after", slack.ResponseUrl("env-after")));
            acks.Writer.TryWrite(await ReceiveAsync(socket));
            await DrainAsync(socket);
        };
        var logs = new LogSink();
        await using var host = new SlackHost(
            slack,
            s => s.AddSingleton<ILoggerProvider>(logs),
            ("Slack:AppToken", "xapp-1-A0FAKE-test"),
            ("Slack:SigningSecret", null),
            ("Slack:MaxBodyBytes", "4096"));
        _ = host.Server;

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var closed = await closes.Reader.ReadAsync(timeout.Token);
        var ack = await acks.Reader.ReadAsync(timeout.Token);

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, closed);
        Assert.Equal("env-after", (string?)ack["envelope_id"]);
        Assert.Contains(logs.Entries, e => e.Category == typeof(SocketModeClient).FullName && e.Level == LogLevel.Error && e.Message.Contains("4096 bytes (Slack:MaxBodyBytes)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandleEnvelope_HandlerThrows_LoggedWithTheEnvelopeIdAndNotAcknowledged()
    {
        var databaseRefuses = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answers = Channel.CreateUnbounded<JsonObject?>();
        await using var slack = await FakeSlackApi.StartAsync();
        slack.SocketHandler = async (socket, connection) =>
        {
            await SendAsync(socket, Hello());
            if (connection > 1)
            {
                await DrainAsync(socket);
                return;
            }

            await databaseRefuses.Task;
            await SendAsync(socket, new JsonObject
            {
                ["envelope_id"] = "env-fails",
                ["type"] = "events_api",
                ["accepts_response_payload"] = false,
                ["retry_attempt"] = 0,
                ["retry_reason"] = "",
                ["payload"] = JsonNode.Parse(SlackPayloads.EventCallback("Ev0FAIL", SlackPayloads.AppMention("help"))),
            });
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            answers.Writer.TryWrite(await ReceiveOrNullAsync(socket, wait.Token));
        };
        var logs = new LogSink();
        await using var host = new SlackHost(slack, s => s.AddSingleton<ILoggerProvider>(logs), ("Slack:AppToken", "xapp-1-A0FAKE-test"), ("Slack:SigningSecret", null));
        _ = host.Server;
        await host.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(InboundStore.RefuseInsertsSql));
        databaseRefuses.SetResult();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var answer = await answers.Reader.ReadAsync(timeout.Token);

        Assert.Null(answer);
        Assert.Contains(logs.Entries, e => e.Category == typeof(SocketModeClient).FullName
            && e.Level == LogLevel.Error
            && e.Message.Contains("env-fails", StringComparison.Ordinal)
            && e.ExceptionType is not null);
    }

    private static JsonObject Hello() => new()
    {
        ["type"] = "hello", ["num_connections"] = 1, ["connection_info"] = new JsonObject { ["app_id"] = "A0FAKE" },
    };

    private static JsonObject SlashEnvelope(string id, string responseUrl) => new()
    {
        ["envelope_id"] = id,
        ["type"] = "slash_commands",
        ["accepts_response_payload"] = true,
        ["payload"] = new JsonObject
        {
            ["team_id"] = SlackTestData.TeamId,
            ["channel_id"] = SlackTestData.ChannelId,
            ["user_id"] = SlackTestData.ManagerId,
            ["command"] = "/review",
            ["text"] = "help",
            ["api_app_id"] = "A0FAKE",
            ["response_url"] = responseUrl,
        },
    };

    private static Task SendAsync(WebSocket socket, JsonObject message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JsonObject> ReceiveAsync(WebSocket socket) =>
        await ReceiveOrNullAsync(socket, CancellationToken.None) ?? throw new InvalidOperationException("The client closed instead of answering.");

    /// <summary>The next text message, or null when the client closes or nothing comes before <paramref name="ct"/>.</summary>
    private static async Task<JsonObject?> ReceiveOrNullAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, ct);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        return JsonNode.Parse(message.ToArray())!.AsObject();
    }

    private static async Task<WebSocketCloseStatus?> ReceiveCloseAsync(WebSocket socket)
    {
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return result.CloseStatus;
                }
            }
        }
        catch (WebSocketException)
        {
            return null; // dropped without a close frame
        }
    }

    private static async Task DrainAsync(WebSocket socket)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open && (await socket.ReceiveAsync(buffer, CancellationToken.None)).MessageType != WebSocketMessageType.Close)
            {
            }
        }
        catch (WebSocketException)
        {
        }
    }
}
