namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>A snapshot of one order the simulator's matching engine knows.</summary>
/// <param name="Symbol">The symbol, e.g. <c>BTCUSDT</c>.</param>
/// <param name="OrderId">The exchange order id.</param>
/// <param name="ClientOrderId">The client order id (sent or generated).</param>
/// <param name="Side"><c>BUY</c> or <c>SELL</c>.</param>
/// <param name="Type"><c>LIMIT</c>, <c>LIMIT_MAKER</c> or <c>MARKET</c>.</param>
/// <param name="Price">The limit price (0 for MARKET).</param>
/// <param name="OrigQty">The ordered quantity.</param>
/// <param name="ExecutedQty">The filled quantity.</param>
/// <param name="Status"><c>NEW</c>, <c>FILLED</c>, <c>CANCELED</c> or <c>EXPIRED</c>.</param>
/// <param name="Account">The account name.</param>
public sealed record BinanceSimOrder(
    string Symbol,
    long OrderId,
    string ClientOrderId,
    string Side,
    string Type,
    decimal Price,
    decimal OrigQty,
    decimal ExecutedQty,
    string Status,
    string Account);
