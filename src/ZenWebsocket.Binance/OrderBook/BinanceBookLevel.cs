namespace ZenWebsocket.Binance;

/// <summary>One price level of a Binance order book: a price and the total quantity resting there.</summary>
/// <param name="Price">The price.</param>
/// <param name="Quantity">The quantity; in a diff-depth event 0 means "remove the level".</param>
public readonly record struct BinanceBookLevel(decimal Price, decimal Quantity);
