namespace ZenWebsocket.Binance;

/// <summary>Something that subscribes to Binance market streams by name (the order-book keeper depends on this, not
/// on a concrete client).</summary>
public interface IBinanceStreamSource
{
    /// <summary>Subscribes to one stream, e.g. <c>btcusdt@depth@100ms</c>; returns once Binance acknowledged it.</summary>
    /// <param name="streamName">The stream name; symbols are lower-cased by the source.</param>
    /// <param name="cancellationToken">Cancels the subscribe.</param>
    /// <returns>The stream; dispose it to leave.</returns>
    Task<IBinanceStreamSubscription> SubscribeAsync(string streamName, CancellationToken cancellationToken = default);
}
