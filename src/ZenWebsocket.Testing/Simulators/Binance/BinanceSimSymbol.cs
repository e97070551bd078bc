namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>A symbol the Binance simulator trades, with the filters <c>exchangeInfo</c> reports.</summary>
/// <param name="Symbol">Upper-case symbol, e.g. <c>BTCUSDT</c>.</param>
/// <param name="BaseAsset">Base asset, e.g. <c>BTC</c>.</param>
/// <param name="QuoteAsset">Quote asset, e.g. <c>USDT</c>.</param>
/// <param name="InitialPrice">Mid price the seeded market starts from.</param>
/// <param name="TickSize">PRICE_FILTER tick size.</param>
/// <param name="StepSize">LOT_SIZE step size.</param>
/// <param name="MinQty">LOT_SIZE minimum quantity.</param>
/// <param name="MinNotional">NOTIONAL minimum (price × quantity).</param>
public sealed record BinanceSimSymbol(
    string Symbol,
    string BaseAsset,
    string QuoteAsset,
    decimal InitialPrice,
    decimal TickSize,
    decimal StepSize,
    decimal MinQty,
    decimal MinNotional)
{
    /// <summary>Gets the default symbols: BTCUSDT, ETHUSDT, BNBUSDT and ETHBTC.</summary>
    public static IReadOnlyList<BinanceSimSymbol> Defaults { get; } =
    [
        new("BTCUSDT", "BTC", "USDT", 60_000m, 0.01m, 0.00001m, 0.00001m, 5m),
        new("ETHUSDT", "ETH", "USDT", 3_000m, 0.01m, 0.0001m, 0.0001m, 5m),
        new("BNBUSDT", "BNB", "USDT", 600m, 0.01m, 0.001m, 0.001m, 5m),
        new("ETHBTC", "ETH", "BTC", 0.05m, 0.00001m, 0.0001m, 0.0001m, 0.0001m),
    ];
}
