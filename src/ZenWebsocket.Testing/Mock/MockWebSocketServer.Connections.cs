using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;

namespace ZenWebsocket.Testing;

public sealed partial class MockWebSocketServer
{
    private readonly Lock _connectionsLock = new();
    private readonly List<MockConnection> _open = [];

    // Every accepted connection stays reachable by number, so WaitForConnectionAsync(n) works after the fact.
    private readonly List<MockConnection> _accepted = [];
    private readonly Dictionary<int, TaskCompletionSource<MockConnection>> _connectionWaiters = [];

    /// <summary>How many WebSocket connections were accepted (101 sent) so far.</summary>
    public int AcceptedCount
    {
        get
        {
            lock (_connectionsLock)
            {
                return _accepted.Count;
            }
        }
    }

    /// <summary>The connections that are open now, in accept order.</summary>
    public IReadOnlyList<MockConnection> Connections
    {
        get
        {
            lock (_connectionsLock)
            {
                return _open.ToArray();
            }
        }
    }

    /// <summary>Data messages from all connections, in arrival order (bounded by <see cref="MockServerOptions.CaptureLimit"/>).</summary>
    public IReadOnlyList<MockFrame> Received => _received.Snapshot();

    /// <summary>Returns the <paramref name="number"/>-th accepted connection (1-based), waiting for it if needed. It may have closed since.</summary>
    /// <param name="number">1 for the first connection ever accepted, 2 for the second, and so on.</param>
    /// <param name="timeout">How long to wait (real time).</param>
    /// <returns>The connection.</returns>
    /// <exception cref="TimeoutException">It was not accepted in time; the message gives the counts seen.</exception>
    public async Task<MockConnection> WaitForConnectionAsync(int number, TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        Timeouts.Validate(timeout);
        TaskCompletionSource<MockConnection>? waiter;
        lock (_connectionsLock)
        {
            if (number <= _accepted.Count)
            {
                return _accepted[number - 1];
            }

            if (!_connectionWaiters.TryGetValue(number, out waiter))
            {
                waiter = new TaskCompletionSource<MockConnection>(TaskCreationOptions.RunContinuationsAsynchronously);
                _connectionWaiters.Add(number, waiter);
            }
        }

        try
        {
            return await waiter.Task.WaitAsync(timeout, TimeProvider.System).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out after {timeout} waiting for WebSocket connection #{number}; {DescribeCounts()}.");
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> TCP connections were accepted in total.</summary>
    /// <param name="count">The total to reach.</param>
    /// <param name="timeout">How long to wait (real time).</param>
    /// <returns>Completes when reached.</returns>
    /// <exception cref="TimeoutException">Not reached in time.</exception>
    public Task WaitForTcpConnectionsAsync(int count, TimeSpan timeout) => _tcpConnections.WaitAsync(count, timeout, DescribeCounts);

    /// <summary>Waits until at least <paramref name="count"/> upgrade requests arrived in total.</summary>
    /// <param name="count">The total to reach.</param>
    /// <param name="timeout">How long to wait (real time).</param>
    /// <returns>Completes when reached.</returns>
    /// <exception cref="TimeoutException">Not reached in time.</exception>
    public Task WaitForHandshakesAsync(int count, TimeSpan timeout) => _handshakes.WaitAsync(count, timeout, DescribeCounts);

    /// <summary>
    /// Returns the first message from any connection that matches, looking at already received messages
    /// first, then waiting for new ones. Messages are not consumed.
    /// </summary>
    /// <param name="matcher">What to look for; a string means <see cref="MessageMatcher.Exact"/>.</param>
    /// <param name="timeout">How long to wait (real time).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The matching frame.</returns>
    /// <exception cref="TimeoutException">Nothing matched in time; the message lists the last frames seen.</exception>
    public Task<MockFrame> ExpectMessageAsync(MessageMatcher matcher, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _received.ExpectAsync(matcher, timeout, cancellationToken);

    internal void OnFrameReceived(MockFrame frame) => _received.Add(frame);

    internal void OnConnectionEnded(MockConnection connection)
    {
        lock (_connectionsLock)
        {
            _open.Remove(connection);
        }
    }

    private MockConnection? Register(HttpContext context, GatedDuplexStream stream, WebSocket socket, string? subprotocol)
    {
        lock (_connectionsLock)
        {
            if (_stopping.IsCancellationRequested)
            {
                return null; // Raced with DisposeAsync: do not let a new connection outlive the server.
            }

            var connection = new MockConnection(_accepted.Count + 1, context, stream, socket, subprotocol, this);
            _accepted.Add(connection);
            _open.Add(connection);
            if (_connectionWaiters.Remove(connection.Id, out var waiter))
            {
                waiter.TrySetResult(connection);
            }

            return connection;
        }
    }

    private string DescribeCounts() =>
        $"so far {TcpConnectionCount} TCP connection(s), {HandshakeCount} upgrade request(s), {AcceptedCount} accepted, {Connections.Count} open";
}
