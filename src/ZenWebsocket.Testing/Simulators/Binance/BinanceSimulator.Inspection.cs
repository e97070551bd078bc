namespace ZenWebsocket.Testing.Simulators.Binance;

public sealed partial class BinanceSimulator
{
    /// <summary>Gets the number of open stream connections.</summary>
    public int OpenStreamConnections => Open(ConnectionRole.Stream).Count();

    /// <summary>Gets the number of open WebSocket API connections.</summary>
    public int OpenApiConnections => Open(ConnectionRole.Api).Count();

    /// <summary>Gets how many stream connections were accepted since start.</summary>
    public long AcceptedStreamConnections => _acceptedStreams.Count;

    /// <summary>Gets how many WebSocket API connections were accepted since start.</summary>
    public long AcceptedApiConnections => _acceptedApi.Count;

    /// <summary>Gets the streams of every open stream connection, oldest connection first, each in subscription order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> StreamSubscriptions => _hub.All();

    /// <summary>Gets how many text messages (SUBSCRIBE, UNSUBSCRIBE, LIST_SUBSCRIPTIONS, …) stream connections sent, in total.</summary>
    public long StreamControlMessagesReceived => Interlocked.Read(ref _controlMessages);

    /// <summary>Gets how many stream connections were closed for sending more than <see cref="BinanceSimulatorOptions.MaxIncomingMessagesPerSecond"/>.</summary>
    public long RateLimitDisconnects => Interlocked.Read(ref _rateLimitDisconnects);

    /// <summary>Gets how many connections were closed because no pong echoed a ping within <see cref="BinanceSimulatorOptions.PongTimeout"/>.</summary>
    public long PongTimeoutDisconnects => Interlocked.Read(ref _pongTimeoutDisconnects);

    /// <summary>Completes when <paramref name="totalAccepted"/> stream connections have been accepted since start.</summary>
    /// <param name="totalAccepted">The total to wait for.</param>
    /// <param name="ct">Cancels the wait.</param>
    /// <returns>Completes when reached.</returns>
    public Task WaitForStreamConnectionsAsync(int totalAccepted, CancellationToken ct = default) =>
        _acceptedStreams.WaitAsync(totalAccepted, Timeout.InfiniteTimeSpan).WaitAsync(ct);

    /// <summary>Completes when <paramref name="totalAccepted"/> WebSocket API connections have been accepted since start.</summary>
    /// <param name="totalAccepted">The total to wait for.</param>
    /// <param name="ct">Cancels the wait.</param>
    /// <returns>Completes when reached.</returns>
    public Task WaitForApiConnectionsAsync(int totalAccepted, CancellationToken ct = default) =>
        _acceptedApi.WaitAsync(totalAccepted, Timeout.InfiniteTimeSpan).WaitAsync(ct);

    /// <summary>The last diff-depth update id published for <paramref name="symbol"/>; a snapshot taken now has this <c>lastUpdateId</c>.</summary>
    /// <param name="symbol">The symbol, e.g. <c>BTCUSDT</c> (case-insensitive).</param>
    /// <returns>The update id.</returns>
    /// <exception cref="ArgumentException">The simulator has no such symbol.</exception>
    public long CurrentUpdateId(string symbol) => _market.CurrentUpdateId(symbol);
}
