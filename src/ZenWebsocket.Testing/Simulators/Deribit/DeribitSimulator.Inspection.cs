namespace ZenWebsocket.Testing.Simulators.Deribit;

public sealed partial class DeribitSimulator
{
    private readonly CountSignal _closed = new("closed WebSocket connections");

    /// <summary>WebSocket connections open now.</summary>
    public int ConnectionCount => _exchange.OpenConnections;

    /// <summary>WebSocket connections accepted since start.</summary>
    public int TotalConnections => _exchange.TotalConnections;

    /// <summary>WebSocket connections that have ended since start (their cancel-on-disconnect has run).</summary>
    public int ClosedConnections => _closed.Count;

    /// <summary>Requests received per method (WebSocket and HTTP, including refused ones), a snapshot.</summary>
    public IReadOnlyDictionary<string, int> RequestsByMethod => _exchange.RequestCounts();

    /// <summary>Every client order resting in the books now, a snapshot.</summary>
    public IReadOnlyList<DeribitOpenOrder> OpenOrders => _exchange.OpenOrderSnapshot();

    /// <summary>The last successful <c>public/auth</c> per WebSocket connection id (ids start at 1, in accept order).</summary>
    public IReadOnlyDictionary<long, DeribitAuthInfo> LastAuthByConnection => _exchange.LastAuth();

    /// <summary>How many times <paramref name="method"/> was called.</summary>
    /// <param name="method">E.g. <c>public/test</c>.</param>
    /// <returns>The count, 0 when never.</returns>
    public int RequestCount(string method) => RequestsByMethod.GetValueOrDefault(method);

    /// <summary>Waits (real time) until <paramref name="method"/> has been called at least <paramref name="count"/> times.</summary>
    /// <param name="method">E.g. <c>public/test</c>.</param>
    /// <param name="count">The total number of calls to wait for.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>Completes when reached.</returns>
    /// <exception cref="TimeoutException">Not reached in time.</exception>
    public Task WaitForRequestsAsync(string method, int count, TimeSpan timeout) => _exchange.RequestSignal(method).WaitAsync(count, timeout);

    /// <summary>Waits (real time) until at least <paramref name="count"/> WebSocket connections have ended and been cleaned up.</summary>
    /// <param name="count">The total number of ended connections to wait for.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>Completes when reached.</returns>
    /// <exception cref="TimeoutException">Not reached in time.</exception>
    public Task WaitForClosedConnectionsAsync(int count, TimeSpan timeout) => _closed.WaitAsync(count, timeout);
}
