using System.Net;
using System.Net.Sockets;

namespace ZenWebsocket.Testing;

/// <summary>One client connection through the proxy and its upstream twin, pumped in both directions.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Reliability",
    "CA1001:Types that own disposable fields should be disposable",
    Justification = "The token source is disposed when the connection's run ends; Cut never touches it after that.")]
internal sealed class ProxiedConnection(FaultProxy proxy, Socket client, IPEndPoint upstreamEndPoint)
{
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _cut = new();
    private Socket? _upstream;
    private bool _isCut;

    public Task Completion { get; private set; } = Task.CompletedTask;

    public void Start(CancellationToken stopping) => Completion = Task.Run(() => RunAsync(stopping), CancellationToken.None);

    /// <summary>Resets both sockets: a zero linger makes Close send RST instead of FIN.</summary>
    public void Cut()
    {
        Socket? upstream;
        lock (_lock)
        {
            if (_isCut)
            {
                return;
            }

            _isCut = true;
            upstream = _upstream;

            // Under the lock so it never races with the disposal at the end of RunAsync.
            _cut.Cancel();
        }

        Reset(client);
        if (upstream is not null)
        {
            Reset(upstream);
        }
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, _cut.Token);
        var token = linked.Token;
        try
        {
            client.NoDelay = true;

            // A blackholed proxy does not even open the upstream connection: the SYN "got lost".
            await proxy.BlackholeGate.WaitOpenAsync(token).ConfigureAwait(false);
            var upstream = new Socket(upstreamEndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            lock (_lock)
            {
                if (_isCut)
                {
                    upstream.Dispose();
                    return;
                }

                _upstream = upstream;
            }

            await upstream.ConnectAsync(upstreamEndPoint, token).ConfigureAwait(false);
            var toServer = new ProxyPump(proxy, client, upstream).RunAsync(token);
            var toClient = new ProxyPump(proxy, upstream, client).RunAsync(token);
            var first = await Task.WhenAny(toServer, toClient).ConfigureAwait(false);
            if (first.IsFaulted || first.IsCanceled)
            {
                Cut(); // One direction broke: take the other down too, as a real connection would.
            }

            await Task.WhenAll(toServer, toClient).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            Cut();
        }
        finally
        {
            client.Dispose();
            lock (_lock)
            {
                _isCut = true;
                _upstream?.Dispose();
                _cut.Dispose();
            }

            proxy.OnConnectionEnded(this);
        }
    }

    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed; disposing below is all that is left.
        }

        socket.Dispose();
    }
}
