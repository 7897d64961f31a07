using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using PracticeBot.Adapters.Teams.Tests.TestSupport;

namespace PracticeBot.Adapters.Teams.Tests.EndToEnd;

/// <summary>
/// The real Microsoft 365 Agents Playground as a child process, driven through its REST API
/// (<c>/_conversation/v1/…</c>) with the bot's answers read from its conversation stream (WebSocket).
/// </summary>
public sealed class Playground : IAsyncDisposable
{
    public const string DirectoryVariable = "PRACTICEBOT_PLAYGROUND_DIR";

    private readonly Process _process;
    private readonly ClientWebSocket _stream = new();
    private readonly StringBuilder _output = new();

    private Playground(Process process, int port)
    {
        _process = process;
        Port = port;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    /// <summary>The installed CLI, from <c>PRACTICEBOT_PLAYGROUND_DIR</c> or <c>tests/e2e</c>; null when not installed.</summary>
    public static string? Executable
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } configured
                ? configured
                : Path.Combine(RepoPaths.Root, "tests", "e2e");
            var cli = Path.Combine(folder, "node_modules", ".bin", "agentsplayground");
            return File.Exists(cli) ? cli : null;
        }
    }

    public int Port { get; }

    public HttpClient Http { get; }

    public string Output => _output.ToString();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<Playground> StartAsync(string botEndpoint)
    {
        var executable = Executable ?? throw new InvalidOperationException("The Agents Playground is not installed: run tests/e2e/install-playground.sh.");
        var port = FreePort();
        var start = new ProcessStartInfo(executable, ["-e", botEndpoint, "-c", "msteams", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["TEAMSAPPTESTER_TELEMETRY_DISABLED"] = "true";
        var playground = new Playground(Process.Start(start)!, port);
        playground._process.OutputDataReceived += (_, e) => { lock (playground._output) { playground._output.AppendLine(e.Data); } };
        playground._process.ErrorDataReceived += (_, e) => { lock (playground._output) { playground._output.AppendLine(e.Data); } };
        playground._process.BeginOutputReadLine();
        playground._process.BeginErrorReadLine();

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var ping = await playground.Http.GetAsync("/_internal/v1/config");
                if (ping.IsSuccessStatusCode)
                {
                    await playground._stream.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/_ws_conversation/v1/conversations/stream"), CancellationToken.None);
                    return playground;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (playground._process.HasExited)
            {
                break;
            }

            await Task.Delay(250);
        }

        var output = playground.Output;
        await playground.DisposeAsync();
        throw new InvalidOperationException($"The Agents Playground did not start:\n{output}");
    }

    public async Task<JsonNode> ConfigAsync() => (await Http.GetFromJsonAsync<JsonNode>("/_internal/v1/config"))!["config"]!;

    public async Task SayAsync(string conversationId, string userId, string text)
    {
        using var response = await Http.PostAsJsonAsync($"/_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages",
            new { from = new { id = userId }, text, textFormat = "plain" });
        Assert.True(response.IsSuccessStatusCode, $"The Playground refused the message: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Reads the conversation stream until a frame satisfies <paramref name="match"/>.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> match, string what, int seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var buffer = new byte[64 * 1024];
        var seen = new StringBuilder();
        try
        {
            while (true)
            {
                using var frame = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _stream.ReceiveAsync(buffer, timeout.Token);
                    frame.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                var text = Encoding.UTF8.GetString(frame.ToArray());
                seen.AppendLine(text.Length > 300 ? text[..300] : text);
                if (match(text))
                {
                    return text;
                }
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"No {what} arrived in the Playground within {seconds} s. Frames seen:\n{seen}\nPlayground output:\n{Output}");
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        _stream.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
