using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using PracticeBot.Adapters.Slack.Tests.TestSupport;

namespace PracticeBot.Adapters.Slack.Tests.SocketMode;

/// <summary>Socket Mode against a local WebSocket server that speaks Slack's envelope protocol.</summary>
public sealed class SocketModeTests
{
    [Fact]
    public async Task SocketMode_CommandThenRefresh_AckedAnsweredAndReconnectedWithoutLoss()
    {
        var acks = Channel.CreateUnbounded<(int Connection, JsonObject Ack)>();
        await using var slack = await FakeSlackApi.StartAsync();
        slack.SocketHandler = async (socket, connection) =>
        {
            await SendAsync(socket, new JsonObject
            {
                ["type"] = "hello", ["num_connections"] = 1,
                ["connection_info"] = new JsonObject { ["app_id"] = "A0FAKE" },
                ["debug_info"] = new JsonObject { ["host"] = "applink-fake", ["approximate_connection_time"] = 18060 },
            });
            if (connection == 1)
            {
                await SendAsync(socket, Envelope("env-1", "setup \"Sunrise Family Medicine\" America/Chicago", "/practice", slack.ResponseUrl("env-1")));
                acks.Writer.TryWrite((connection, await ReceiveAsync(socket)));
                await SendAsync(socket, new JsonObject
                {
                    ["type"] = "disconnect", ["reason"] = "refresh_requested",
                    ["debug_info"] = new JsonObject { ["host"] = "applink-fake" },
                });
            }
            else
            {
                await SendAsync(socket, Envelope("env-2", "help", "/review", slack.ResponseUrl("env-2")));
                acks.Writer.TryWrite((connection, await ReceiveAsync(socket)));
            }

            // Stay open until the client goes away.
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
        };

        await using var host = new SlackHost(slack, ("Slack:AppToken", "xapp-1-A0FAKE-test"), ("Slack:SigningSecret", null));
        _ = host.Server;

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var first = await acks.Reader.ReadAsync(timeout.Token);
        var second = await acks.Reader.ReadAsync(timeout.Token);

        Assert.Equal((1, "env-1"), (first.Connection, (string?)first.Ack["envelope_id"]));
        Assert.Equal((2, "env-2"), (second.Connection, (string?)second.Ack["envelope_id"]));
        var setup = await AnswerAsync(slack, first.Ack, "env-1");
        Assert.Contains("is set up", (string?)setup["text"], StringComparison.Ordinal);
        Assert.Equal("in_channel", (string?)setup["response_type"]);
        var help = await AnswerAsync(slack, second.Ack, "env-2");
        Assert.Equal("ephemeral", (string?)help["response_type"]);
        Assert.Contains("review claim", help.ToJsonString(), StringComparison.Ordinal);
        Assert.All(slack.CallsTo("apps.connections.open"), c => Assert.Equal("Bearer xapp-1-A0FAKE-test", c.Authorization));
        Assert.Equal(2, slack.CallsTo("apps.connections.open").Count);
    }

    private static JsonObject Envelope(string id, string text, string command, string responseUrl) => new()
    {
        ["envelope_id"] = id,
        ["type"] = "slash_commands",
        ["accepts_response_payload"] = true,
        ["payload"] = new JsonObject
        {
            ["token"] = "bHKJ2n9AW6Ju3MjciOHfbA1b",
            ["team_id"] = SlackTestData.TeamId,
            ["team_domain"] = "sunrise",
            ["channel_id"] = SlackTestData.ChannelId,
            ["channel_name"] = "reviews",
            ["user_id"] = SlackTestData.ManagerId,
            ["user_name"] = "ann",
            ["command"] = command,
            ["text"] = text,
            ["api_app_id"] = "A0FAKE",
            ["response_url"] = responseUrl,
            ["trigger_id"] = "2345.6789.abc",
        },
    };

    /// <summary>
    /// The answer rides on the ack when the turn is quick; a turn slower than the ack budget (a cold host on a busy
    /// machine) answers through response_url instead. Either way it is answered exactly once.
    /// </summary>
    private static async Task<JsonObject> AnswerAsync(FakeSlackApi slack, JsonObject ack, string envelopeId)
    {
        if (ack["payload"] is JsonObject payload)
        {
            Assert.Empty(slack.CallsTo($"response_url:{envelopeId}"));
            return payload;
        }

        await Eventually.TrueAsync(() => slack.CallsTo($"response_url:{envelopeId}").Count > 0, "the answer through response_url");
        return Assert.Single(slack.CallsTo($"response_url:{envelopeId}")).Body;
    }

    private static Task SendAsync(WebSocket socket, JsonObject message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JsonObject> ReceiveAsync(WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonNode.Parse(message.ToArray())!.AsObject();
    }
}
