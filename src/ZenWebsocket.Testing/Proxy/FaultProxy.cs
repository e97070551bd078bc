using System.Net;
using System.Net.Sockets;

namespace ZenWebsocket.Testing;

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of any server, for network faults a server cannot fake: resets,
/// blackholes, latency, throttling and refused connections. It forwards bytes and knows no protocol,
/// so it works for ws:// and wss:// alike. Dispose it to stop it.
/// </summary>
public sealed partial class FaultProxy : IAsyncDisposable
{
    private readonly IPEndPoint _upstream;
    private readonly FaultProxyOptions _options;
    private readonly TcpListener _listener;
    private readonly CountSignal _accepted = new("proxied TCP connections");
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly HashSet<ProxiedConnection> _connections = [];
    private readonly Lazy<Task> _disposal;
    private Task _acceptLoop = Task.CompletedTask;

    private FaultProxy(IPEndPoint upstream, FaultProxyOptions options)
    {
        _upstream = upstream;
        _options = options;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _disposal = new Lazy<Task>(DisposeCoreAsync);
    }

    /// <summary>The port the proxy listens on, on 127.0.0.1.</summary>
    public int Port => EndPoint.Port;

    /// <summary>The proxy's listening endpoint.</summary>
    public IPEndPoint EndPoint { get; private set; } = new(IPAddress.Loopback, 0);

    /// <summary>How many TCP connections the proxy accepted so far, including refused ones.</summary>
    public int ConnectionCount => _accepted.Count;

    /// <summary>How many proxied connections are open now.</summary>
    public int ActiveConnections
    {
        get
        {
            lock (_lock)
            {
                return _connections.Count;
            }
        }
    }

    internal TimeProvider TimeProvider => _options.TimeProvider;

    /// <summary>Starts a proxy that forwards to <paramref name="upstream"/>.</summary>
    /// <param name="upstream">Where to forward, e.g. <c>new IPEndPoint(IPAddress.Loopback, server.Port)</c>.</param>
    /// <param name="options">Settings; <see langword="null"/> means the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running proxy.</returns>
    public static Task<FaultProxy> StartAsync(IPEndPoint upstream, FaultProxyOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        cancellationToken.ThrowIfCancellationRequested();
        options ??= new FaultProxyOptions();
        options.Validate();
        var proxy = new FaultProxy(upstream, options);
        proxy._listener.Start();
        proxy.EndPoint = (IPEndPoint)proxy._listener.LocalEndpoint;
        proxy._acceptLoop = Task.Run(proxy.AcceptLoopAsync, CancellationToken.None);
        return Task.FromResult(proxy);
    }

    /// <summary>The same URL with host 127.0.0.1 and the proxy's port (scheme, path and query unchanged).</summary>
    /// <param name="upstreamUrl">A URL of the server behind the proxy, e.g. <c>server.Url</c>.</param>
    /// <returns>The URL to give the client.</returns>
    public Uri Rewrite(Uri upstreamUrl)
    {
        ArgumentNullException.ThrowIfNull(upstreamUrl);
        return new UriBuilder(upstreamUrl) { Host = "127.0.0.1", Port = Port }.Uri;
    }

    /// <summary>Waits until at least <paramref name="count"/> connections were accepted in total.</summary>
    /// <param name="count">The total to reach.</param>
    /// <param name="timeout">How long to wait (real time).</param>
    /// <returns>Completes when reached.</returns>
    /// <exception cref="TimeoutException">Not reached in time.</exception>
    public Task WaitForConnectionsAsync(int count, TimeSpan timeout) =>
        _accepted.WaitAsync(count, timeout, () => $"{ActiveConnections} active.");

    /// <summary>Stops accepting and resets every connection. Safe to call more than once.</summary>
    /// <returns>Completes when everything has stopped.</returns>
    public ValueTask DisposeAsync() => new(_disposal.Value);

    internal void OnConnectionEnded(ProxiedConnection connection)
    {
        lock (_lock)
        {
            _connections.Remove(connection);
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException or InvalidOperationException)
            {
                return; // Stopped (a stopped listener throws InvalidOperationException).
            }

            _accepted.Increment();
            if (RefuseNew)
            {
                client.Dispose();
                continue;
            }

            var connection = new ProxiedConnection(this, client, _upstream);
            lock (_lock)
            {
                _connections.Add(connection);
            }

            connection.Start(_stopping.Token);
        }
    }

    private async Task DisposeCoreAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _acceptLoop.ConfigureAwait(false);
        var running = CutAllCore();
        await Task.WhenAll(running).ConfigureAwait(false);
        _blackhole.Open();
        _stopping.Dispose();
    }
}
