using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>An <c>executionReport</c>: an order was accepted, filled, cancelled, rejected or expired (B.7).</summary>
public sealed record BinanceExecutionReport : BinanceUserDataEvent
{
    /// <summary>Gets the symbol (<c>s</c>).</summary>
    [JsonPropertyName("s")]
    public string Symbol { get; init; } = "";

    /// <summary>Gets the client order id (<c>c</c>).</summary>
    [JsonPropertyName("c")]
    public string ClientOrderId { get; init; } = "";

    /// <summary>Gets, on a cancel, the original client order id (<c>C</c>; empty otherwise).</summary>
    [JsonPropertyName("C")]
    public string? OrigClientOrderId { get; init; }

    /// <summary>Gets the side (<c>S</c>).</summary>
    [JsonPropertyName("S")]
    public BinanceOrderSide Side { get; init; }

    /// <summary>Gets the order type (<c>o</c>).</summary>
    [JsonPropertyName("o")]
    public BinanceOrderType OrderType { get; init; }

    /// <summary>Gets the time in force (<c>f</c>).</summary>
    [JsonPropertyName("f")]
    public BinanceTimeInForce? TimeInForce { get; init; }

    /// <summary>Gets the order quantity (<c>q</c>).</summary>
    [JsonPropertyName("q")]
    public decimal Quantity { get; init; }

    /// <summary>Gets the order price (<c>p</c>).</summary>
    [JsonPropertyName("p")]
    public decimal Price { get; init; }

    /// <summary>Gets the stop price (<c>P</c>).</summary>
    [JsonPropertyName("P")]
    public decimal StopPrice { get; init; }

    /// <summary>Gets what happened (<c>x</c>).</summary>
    [JsonPropertyName("x")]
    public BinanceExecutionType ExecutionType { get; init; }

    /// <summary>Gets the order status after it (<c>X</c>).</summary>
    [JsonPropertyName("X")]
    public BinanceOrderStatus OrderStatus { get; init; }

    /// <summary>Gets the reject reason (<c>r</c>; <c>NONE</c> when not rejected).</summary>
    [JsonPropertyName("r")]
    public string? RejectReason { get; init; }

    /// <summary>Gets the exchange's order id (<c>i</c>).</summary>
    [JsonPropertyName("i")]
    public long OrderId { get; init; }

    /// <summary>Gets the quantity of this fill (<c>l</c>).</summary>
    [JsonPropertyName("l")]
    public decimal LastQuantity { get; init; }

    /// <summary>Gets the price of this fill (<c>L</c>).</summary>
    [JsonPropertyName("L")]
    public decimal LastPrice { get; init; }

    /// <summary>Gets the cumulative filled quantity (<c>z</c>).</summary>
    [JsonPropertyName("z")]
    public decimal CumulativeQuantity { get; init; }

    /// <summary>Gets the cumulative filled quote amount (<c>Z</c>); the average price is <c>Z / z</c>.</summary>
    [JsonPropertyName("Z")]
    public decimal CumulativeQuoteQuantity { get; init; }

    /// <summary>Gets the commission of this fill (<c>n</c>).</summary>
    [JsonPropertyName("n")]
    public decimal Commission { get; init; }

    /// <summary>Gets the commission asset (<c>N</c>; <see langword="null"/> without a fill).</summary>
    [JsonPropertyName("N")]
    public string? CommissionAsset { get; init; }

    /// <summary>Gets the transaction time (<c>T</c>), ms since the Unix epoch.</summary>
    [JsonPropertyName("T")]
    public long TransactionTime { get; init; }

    /// <summary>Gets the trade id (<c>t</c>; -1 without a fill).</summary>
    [JsonPropertyName("t")]
    public long TradeId { get; init; } = -1;

    /// <summary>Gets whether the order is on the book (<c>w</c>).</summary>
    [JsonPropertyName("w")]
    public bool IsOnBook { get; init; }

    /// <summary>Gets whether this fill was the maker side (<c>m</c>).</summary>
    [JsonPropertyName("m")]
    public bool IsMaker { get; init; }

    /// <summary>Gets the order creation time (<c>O</c>), ms since the Unix epoch.</summary>
    [JsonPropertyName("O")]
    public long OrderCreationTime { get; init; }

    /// <summary>Gets the working time (<c>W</c>), ms since the Unix epoch.</summary>
    [JsonPropertyName("W")]
    public long? WorkingTime { get; init; }

    /// <summary>Gets the average fill price (<c>Z / z</c>), or <see langword="null"/> before the first fill.</summary>
    [JsonIgnore]
    public decimal? AveragePrice => CumulativeQuantity == 0 ? null : CumulativeQuoteQuantity / CumulativeQuantity;
}
