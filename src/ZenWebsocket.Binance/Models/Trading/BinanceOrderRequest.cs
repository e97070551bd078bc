namespace ZenWebsocket.Binance;

/// <summary>
/// An order for <c>order.place</c> (B.6.3). Which values are required depends on <see cref="Type"/>: LIMIT needs
/// <see cref="TimeInForce"/>, <see cref="Price"/> and <see cref="Quantity"/>; MARKET needs <see cref="Quantity"/> or
/// <see cref="QuoteOrderQuantity"/>. Decimals are sent as given (invariant, trailing zeros kept).
/// </summary>
public sealed record BinanceOrderRequest
{
    /// <summary>Gets the symbol, e.g. <c>BTCUSDT</c>.</summary>
    public required string Symbol { get; init; }

    /// <summary>Gets the side.</summary>
    public required BinanceOrderSide Side { get; init; }

    /// <summary>Gets the type.</summary>
    /// <value>Default <see cref="BinanceOrderType.Limit"/>.</value>
    public BinanceOrderType Type { get; init; } = BinanceOrderType.Limit;

    /// <summary>Gets the time in force; <see langword="null"/> sends none (LIMIT orders then get GTC from the adapter).</summary>
    /// <value>Default <see langword="null"/>.</value>
    public BinanceTimeInForce? TimeInForce { get; init; }

    /// <summary>Gets the limit price.</summary>
    /// <value>Default <see langword="null"/>.</value>
    public decimal? Price { get; init; }

    /// <summary>Gets the base-asset quantity.</summary>
    /// <value>Default <see langword="null"/>.</value>
    public decimal? Quantity { get; init; }

    /// <summary>Gets the quote-asset amount of a MARKET order (instead of <see cref="Quantity"/>).</summary>
    /// <value>Default <see langword="null"/>.</value>
    public decimal? QuoteOrderQuantity { get; init; }

    /// <summary>Gets the stop price of STOP_LOSS and TAKE_PROFIT orders.</summary>
    /// <value>Default <see langword="null"/>.</value>
    public decimal? StopPrice { get; init; }

    /// <summary>Gets the client order id (at most 36 characters of <c>[.A-Za-z0-9:/_-]</c>). Keep it: after a lost
    /// connection it is how the order is found again.</summary>
    /// <value>Default <see langword="null"/>: the adapter generates one from
    /// <see cref="BinanceApiClientOptions.ClientOrderIdPrefix"/>.</value>
    public string? NewClientOrderId { get; init; }

    /// <summary>Gets how much the answer carries.</summary>
    /// <value>Default <see langword="null"/>: Binance's default (FULL for MARKET and LIMIT, ACK otherwise).</value>
    public BinanceOrderResponseType? ResponseType { get; init; }
}
