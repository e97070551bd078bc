namespace ZenWebsocket.Binance;

/// <summary>One symbol of <c>GET /api/v3/exchangeInfo</c>: its status, assets and the filters an order must pass.</summary>
/// <param name="Symbol">The upper-case symbol, e.g. <c>BTCUSDT</c>.</param>
/// <param name="Status">The trading status, e.g. <c>TRADING</c> or <c>BREAK</c>.</param>
/// <param name="BaseAsset">The base asset, e.g. <c>BTC</c>.</param>
/// <param name="QuoteAsset">The quote asset, e.g. <c>USDT</c>.</param>
/// <param name="TickSize">The <c>PRICE_FILTER</c> tick size, when the symbol has that filter.</param>
/// <param name="StepSize">The <c>LOT_SIZE</c> step size, when present.</param>
/// <param name="MinQty">The <c>LOT_SIZE</c> minimum quantity, when present.</param>
/// <param name="MinNotional">The <c>NOTIONAL</c> (or older <c>MIN_NOTIONAL</c>) minimum price × quantity, when present.</param>
public sealed record BinanceSymbolInfo(
    string Symbol,
    string Status,
    string BaseAsset,
    string QuoteAsset,
    decimal? TickSize,
    decimal? StepSize,
    decimal? MinQty,
    decimal? MinNotional)
{
    /// <summary>Gets whether the symbol trades (<see cref="Status"/> is <c>TRADING</c>).</summary>
    public bool IsTrading => Status == "TRADING";
}
