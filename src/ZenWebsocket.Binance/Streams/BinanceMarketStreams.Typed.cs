using System.Text.Json.Serialization.Metadata;

namespace ZenWebsocket.Binance;

public sealed partial class BinanceMarketStreams
{
    /// <summary>Subscribes to <c>&lt;symbol&gt;@trade</c>.</summary>
    /// <param name="symbol">The symbol, e.g. <c>BTCUSDT</c>.</param>
    /// <param name="cancellationToken">Cancels the subscribe.</param>
    /// <returns>The typed stream.</returns>
    public Task<BinanceTypedSubscription<BinanceTrade>> SubscribeTradesAsync(string symbol, CancellationToken cancellationToken = default) =>
        SubscribeTypedAsync(BinanceStreamNames.Trade(symbol), BinanceMarketJson.Default.BinanceTrade, cancellationToken);

    /// <summary>Subscribes to <c>&lt;symbol&gt;@aggTrade</c>.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="cancellationToken">Cancels the subscribe.</param>
    /// <returns>The typed stream.</returns>
    public Task<BinanceTypedSubscription<BinanceAggTrade>> SubscribeAggTradesAsync(string symbol, CancellationToken cancellationToken = default) =>
        SubscribeTypedAsync(BinanceStreamNames.AggTrade(symbol), BinanceMarketJson.Default.BinanceAggTrade, cancellationToken);

    /// <summary>Subscribes to <c>&lt;symbol&gt;@bookTicker</c>.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="cancellationToken">Cancels the subscribe.</param>
    /// <returns>The typed stream.</returns>
    public Task<BinanceTypedSubscription<BinanceBookTicker>> SubscribeBookTickerAsync(string symbol, CancellationToken cancellationToken = default) =>
        SubscribeTypedAsync(BinanceStreamNames.BookTicker(symbol), BinanceMarketJson.Default.BinanceBookTicker, cancellationToken);

    /// <summary>Subscribes to <c>&lt;symbol&gt;@ticker</c> (rolling 24 h statistics).</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="cancellationToken">Cancels the subscribe.</param>
    /// <returns>The typed stream.</returns>
    public Task<BinanceTypedSubscription<BinanceTicker>> SubscribeTickerAsync(string symbol, CancellationToken cancellationToken = default) =>
        SubscribeTypedAsync(BinanceStreamNames.Ticker(symbol), BinanceMarketJson.Default.BinanceTicker, cancellationToken);

    /// <summary>Subscribes to <c>&lt;symbol&gt;@kline_&lt;interval&gt;</c>.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="interval">The interval, e.g. <c>1m</c>.</param>
    /// <param name="cancellationToken">Cancels the subscribe.</param>
    /// <returns>The typed stream.</returns>
    public Task<BinanceTypedSubscription<BinanceKlineEvent>> SubscribeKlinesAsync(string symbol, string interval, CancellationToken cancellationToken = default) =>
        SubscribeTypedAsync(BinanceStreamNames.Kline(symbol, interval), BinanceMarketJson.Default.BinanceKlineEvent, cancellationToken);

    /// <summary>Subscribes to <c>&lt;symbol&gt;@depth&lt;levels&gt;[@100ms]</c> (partial book depth).</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="levels">5, 10 or 20.</param>
    /// <param name="fast">100 ms updates instead of 1,000 ms.</param>
    /// <param name="cancellationToken">Cancels the subscribe.</param>
    /// <returns>The typed stream.</returns>
    public Task<BinanceTypedSubscription<BinancePartialDepth>> SubscribePartialDepthAsync(string symbol, int levels, bool fast = false, CancellationToken cancellationToken = default) =>
        SubscribeTypedAsync(BinanceStreamNames.PartialDepth(symbol, levels, fast), BinanceMarketJson.Default.BinancePartialDepth, cancellationToken);

    private async Task<BinanceTypedSubscription<T>> SubscribeTypedAsync<T>(string stream, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        var inner = await SubscribeStreamAsync(stream, cancellationToken).ConfigureAwait(false);
        return new BinanceTypedSubscription<T>(inner, type);
    }
}
