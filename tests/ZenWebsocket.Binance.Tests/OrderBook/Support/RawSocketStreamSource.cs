namespace ZenWebsocket.Binance.Tests.OrderBook.Support;

/// <summary>
/// One <see cref="BinanceRawStreamConnection"/> per stream on <c>/ws/&lt;stream&gt;</c>, so the keeper is also tested
/// on raw connections (the simulator counts one connection per stream); the library's own reconnection writes the
/// Reconnecting and Restored markers when the socket drops.
/// </summary>
internal sealed class RawSocketStreamSource(Uri streamBase) : IBinanceStreamSource
{
    // Short backoff: the tests drop connections on purpose and wait (bounded) for the reconnect.
    private readonly BinanceMarketStreamsOptions _options = new()
    {
        Endpoints = BinanceEndpoints.SingleHost(streamBase),
        Reconnect = new ReconnectPolicy { BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(100) },
    };

    public async Task<IBinanceStreamSubscription> SubscribeAsync(string streamName, CancellationToken cancellationToken = default) =>
        await BinanceRawStreamConnection.ConnectAsync(streamName, _options, cancellationToken);
}
