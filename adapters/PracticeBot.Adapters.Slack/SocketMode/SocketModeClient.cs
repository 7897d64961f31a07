using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PracticeBot.Adapters.Slack.Events;
using PracticeBot.Adapters.Slack.WebApi;

namespace PracticeBot.Adapters.Slack.SocketMode;

/// <summary>
/// Socket Mode: the bot dials out to Slack, so a practice needs no public URL. <c>apps.connections.open</c> gives a
/// WebSocket URL; Slack says <c>hello</c>, then sends envelopes, each acknowledged by <c>envelope_id</c> (with the
/// answer as <c>payload</c> when it accepts one). On <c>disconnect</c> (e.g. <c>refresh_requested</c>) or a dropped
/// socket the client opens a new connection, backing off while Slack cannot be reached. Envelopes go to the same
/// <see cref="SlackRequestHandler"/> as HTTP requests.
/// </summary>
/// <remarks>
/// One message is reassembled from its frames up to <see cref="SlackOptions.MaxBodyBytes"/>, the same cap as an HTTP
/// request: a larger one closes the connection with <c>1009 message too big</c> (logged) and a new one is opened, so a
/// misbehaving peer cannot make the bot buffer without end. Envelopes run side by side; a failure in one is logged
/// with its envelope id, and the envelope is left unacknowledged so Slack delivers it again.
/// </remarks>
public sealed partial class SocketModeClient(
    SlackApiClient api,
    SlackRequestHandler handler,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SocketModeClient> logger) : BackgroundService
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>The reason a connection ends when a message passes the cap.</summary>
    public const string TooBig = "message_too_big";

    /// <summary>Connections opened so far (tests and diagnostics).</summary>
    public int Connections => _connections;

    private int _connections;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = FirstBackoff;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var url = await api.OpenConnectionAsync(options.Value.AppToken!, stoppingToken);
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(url, stoppingToken);
                Interlocked.Increment(ref _connections);
                var reason = await RunAsync(socket, () => backoff = FirstBackoff, stoppingToken);
                LogDisconnected(logger, reason);
                await CloseQuietlyAsync(socket);
                if (reason == "refresh_requested")
                {
                    continue; // a planned refresh: reconnect at once
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is SlackApiException or WebSocketException or JsonException or IOException)
            {
                LogConnectionFailed(logger, ex.GetType().Name, backoff);
            }

            try
            {
                await Task.Delay(backoff, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    /// <returns>Why the connection ended: Slack's disconnect reason, or <c>closed</c>.</returns>
    private async Task<string> RunAsync(ClientWebSocket socket, Action connected, CancellationToken ct)
    {
        using var sending = new SemaphoreSlim(1, 1);
        var limit = options.Value.MaxBodyBytes;
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (socket.State == WebSocketState.Open)
        {
            message.SetLength(0);
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, ct);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return "closed";
                }

                if (message.Length + received.Count > limit)
                {
                    LogMessageTooLarge(logger, limit);
                    await CloseTooBigAsync(socket, limit);
                    return TooBig;
                }

                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            using var document = JsonDocument.Parse(message.ToArray());
            var root = document.RootElement;
            switch (SlackRequestParser.Str(root, "type"))
            {
                case "hello":
                    connected();
                    LogHello(logger);
                    break;
                case "disconnect":
                    return SlackRequestParser.Str(root, "reason") ?? "disconnect";
                default:
                    if (SlackRequestParser.Str(root, "envelope_id") is { } envelopeId)
                    {
                        var envelope = root.Clone();
                        // Envelopes are handled side by side: a slow turn must not hold up the next envelope's ack.
                        _ = Task.Run(() => HandleEnvelopeAsync(socket, sending, envelopeId, envelope, ct), ct);
                    }

                    break;
            }
        }

        return "closed";
    }

    private async Task HandleEnvelopeAsync(ClientWebSocket socket, SemaphoreSlim sending, string envelopeId, JsonElement envelope, CancellationToken ct)
    {
        try
        {
            var type = SlackRequestParser.Str(envelope, "type") ?? "";
            var ack = new JsonObject { ["envelope_id"] = envelopeId };
            if (envelope.TryGetProperty("payload", out var payload) && SlackRequestParser.ParseEnvelopePayload(type, payload) is { } request)
            {
                var answer = await handler.HandleAsync(request, ct);
                if (answer.Body is { } body && envelope.TryGetProperty("accepts_response_payload", out var accepts) && accepts.ValueKind == JsonValueKind.True)
                {
                    ack["payload"] = body;
                }
            }

            var bytes = Encoding.UTF8.GetBytes(ack.ToJsonString());
            await sending.WaitAsync(ct);
            try
            {
                if (socket.State == WebSocketState.Open)
                {
                    await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct);
                }
            }
            finally
            {
                sending.Release();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
        {
            // Not acknowledged: Slack delivers the envelope again, on the next connection.
            LogAckFailed(logger, envelopeId, ex.GetType().Name);
        }
        catch (Exception ex)
        {
            // Nobody awaits this task: without this the failure would vanish. Not acknowledged, so Slack retries it.
            LogEnvelopeFailed(logger, ex, envelopeId, SlackRequestParser.Str(envelope, "type") ?? "");
        }
    }

    private static async Task CloseTooBigAsync(ClientWebSocket socket, int limit)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, $"message over {limit} bytes", timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection is being dropped either way.
        }
    }

    private static async Task CloseQuietlyAsync(ClientWebSocket socket)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The old connection is going away anyway.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode connected (hello)")]
    private static partial void LogHello(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode connection ended ({Reason}); reconnecting")]
    private static partial void LogDisconnected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connection failed ({ExceptionType}); retrying in {Backoff}")]
    private static partial void LogConnectionFailed(ILogger logger, string exceptionType, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Error, Message = "Socket Mode sent a message larger than {Limit} bytes (Slack:MaxBodyBytes): the connection is closed (1009) and a new one opened")]
    private static partial void LogMessageTooLarge(ILogger logger, int limit);

    [LoggerMessage(Level = LogLevel.Error, Message = "Socket Mode envelope {EnvelopeId} ({EnvelopeType}) failed; it is not acknowledged, so Slack delivers it again")]
    private static partial void LogEnvelopeFailed(ILogger logger, Exception exception, string envelopeId, string envelopeType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode envelope {EnvelopeId} could not be acknowledged ({ExceptionType})")]
    private static partial void LogAckFailed(ILogger logger, string envelopeId, string exceptionType);
}
