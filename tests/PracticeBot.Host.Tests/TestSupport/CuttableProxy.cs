using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace PracticeBot.Host.Tests.TestSupport;

/// <summary>
/// A TCP proxy on a free loopback port in front of a server (the CI PostgreSQL), which a test can cut and restore
/// without touching the server that other tests share. <see cref="Reset"/> is a restarting database: every
/// connection is reset and new ones are refused at once. <see cref="Blackhole"/> is a network partition: connections
/// are accepted, or stay open, and nothing comes back.
/// </summary>
public sealed class CuttableProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private volatile Mode _mode = Mode.Forward;

    public CuttableProxy(string host, int port)
    {
        _target = new IPEndPoint(IPAddress.Parse(host), port);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    private enum Mode
    {
        Forward,
        Reset,
        Blackhole,
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Every open connection reset, every new one accepted and reset straight away.</summary>
    public void Reset()
    {
        _mode = Mode.Reset;
        foreach (var socket in _open.Keys)
        {
            Abort(socket);
        }
    }

    /// <summary>Nothing forwarded either way any more; connections neither fail nor answer.</summary>
    public void Blackhole() => _mode = Mode.Blackhole;

    /// <summary>Forwarding again. Connections opened before the cut stay dead (as they would be after a real outage).</summary>
    public void Restore()
    {
        foreach (var socket in _open.Keys)
        {
            Abort(socket);
        }

        _mode = Mode.Forward;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var socket in _open.Keys)
        {
            Abort(socket);
        }

        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(Socket client)
    {
        _open.TryAdd(client, 0);
        switch (_mode)
        {
            case Mode.Reset:
                Abort(client);
                return;
            case Mode.Blackhole:
                return; // held open, never answered
        }

        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
        _open.TryAdd(server, 0);
        try
        {
            await server.ConnectAsync(_target, _stop.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException)
        {
            Abort(client);
            Abort(server);
            return;
        }

        await Task.WhenAll(PumpAsync(client, server), PumpAsync(server, client));
        Abort(client);
        Abort(server);
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                if (_mode == Mode.Blackhole)
                {
                    continue; // swallowed
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Cut, or the other side went away.
        }
    }

    private void Abort(Socket socket)
    {
        _open.TryRemove(socket, out _);
        try
        {
            socket.LingerState = new LingerOption(true, 0); // close with RST, as a dying server's kernel would
            socket.Close();
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }
    }
}
