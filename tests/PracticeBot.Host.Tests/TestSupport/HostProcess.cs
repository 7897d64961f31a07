using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PracticeBot.Host.Tests.TestSupport;

/// <summary>
/// The host as a real process (<c>dotnet PracticeBot.Host.dll</c>), for what only a real start shows: several instances
/// on one database, a kill in the middle of work. Disposing kills it; so does the end of the test run, whatever failed.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    /// <summary>Every host still running, killed when the test process ends, even if a test never got to dispose it.</summary>
    private static readonly HashSet<Process> Running = [];

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    /// <summary>The Data Protection key file every host of this test run uses unless a test sets its own (or none).</summary>
    private static readonly Lazy<string> SharedKeyFile = new(() =>
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("practicebot-keys-").FullName, "keyring.key");
        File.WriteAllText(path, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        return path;
    });

    static HostProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAllRunning();

    private HostProcess(Process process, string url, string name)
    {
        _process = process;
        Url = url;
        Name = name;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Url { get; }

    /// <summary>What the test calls this instance in its messages (e.g. <c>host-a</c>).</summary>
    public string Name { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the host with <paramref name="contentRoot"/> as its content root and only the given settings.</summary>
    /// <param name="environment">Settings as environment variables (<c>Slack__BotToken</c>); see <see cref="HostSettings"/>.</param>
    public static HostProcess Start(string contentRoot, IReadOnlyDictionary<string, string> environment, string name = "host")
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PracticeBot.Host.dll"));
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(contentRoot);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("PRACTICEBOT", StringComparison.Ordinal) || k.Contains("__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_URLS"] = url;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");

        // Production refuses a key ring stored in clear: every instance of the run shares one key file, as a deployment would.
        start.Environment["DataProtection__KeyFilePath"] = SharedKeyFile.Value;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        lock (Running)
        {
            Running.Add(process);
        }

        return new HostProcess(process, url, name);
    }

    /// <summary>Counts the lines of this host's output that contain <paramref name="text"/>.</summary>
    public int CountOutputLines(string text) =>
        Output.Split('\n').Count(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>Kills the process at once (SIGKILL on Linux: no shutdown, no flushing) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        lock (Running)
        {
            Running.Remove(_process);
        }
    }

    /// <summary>Waits for the process to end by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>Polls <c>/healthz</c> until it answers 200; returns how long that took.</summary>
    public async Task<TimeSpan> WaitHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            Assert.False(_process.HasExited, $"{Name} exited with {(_process.HasExited ? _process.ExitCode : 0)}:\n{Output}");
            try
            {
                using var response = await client.GetAsync(new Uri($"{Url}/healthz"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return clock.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // not answering yet
            }

            await Task.Delay(100);
        }

        Assert.Fail($"{Name} was not healthy within {timeout.TotalSeconds} s:\n{Output}");
        return timeout;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private static void KillAllRunning()
    {
        lock (Running)
        {
            foreach (var process in Running)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // already gone
                }
            }

            Running.Clear();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
