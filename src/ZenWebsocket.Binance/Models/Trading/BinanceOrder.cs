using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>
/// An order as the WebSocket API reports it: the answer of <c>order.place</c> (ACK carries only ids and time),
/// <c>order.status</c>, <c>order.cancel</c> and <c>openOrders.status</c>. Members a response leaves out are
/// <see langword="null"/> (or empty).
/// </summary>
public sealed record BinanceOrder
{
    /// <summary>Gets the symbol.</summary>
    [JsonPropertyName("symbol")]
    public string Symbol { get; init; } = "";

    /// <summary>Gets the exchange's order id.</summary>
    [JsonPropertyName("orderId")]
    public long OrderId { get; init; }

    /// <summary>Gets the order list id (-1 when the order is not in a list).</summary>
    [JsonPropertyName("orderListId")]
    public long OrderListId { get; init; } = -1;

    /// <summary>Gets the client order id.</summary>
    [JsonPropertyName("clientOrderId")]
    public string ClientOrderId { get; init; } = "";

    /// <summary>Gets, on a cancel, the client order id the order had before it.</summary>
    [JsonPropertyName("origClientOrderId")]
    public string? OrigClientOrderId { get; init; }

    /// <summary>Gets when the request was executed (place and cancel), ms since the Unix epoch.</summary>
    [JsonPropertyName("transactTime")]
    public long? TransactTime { get; init; }

    /// <summary>Gets when the order was created (queries), ms since the Unix epoch.</summary>
    [JsonPropertyName("time")]
    public long? Time { get; init; }

    /// <summary>Gets when the order last changed (queries), ms since the Unix epoch.</summary>
    [JsonPropertyName("updateTime")]
    public long? UpdateTime { get; init; }

    /// <summary>Gets the limit price.</summary>
    [JsonPropertyName("price")]
    public decimal? Price { get; init; }

    /// <summary>Gets the ordered quantity.</summary>
    [JsonPropertyName("origQty")]
    public decimal? OriginalQuantity { get; init; }

    /// <summary>Gets the filled quantity.</summary>
    [JsonPropertyName("executedQty")]
    public decimal? ExecutedQuantity { get; init; }

    /// <summary>Gets the filled quote amount (Binance's spelling: <c>cummulativeQuoteQty</c>).</summary>
    [JsonPropertyName("cummulativeQuoteQty")]
    public decimal? CumulativeQuoteQuantity { get; init; }

    /// <summary>Gets the quote amount a quote-sized MARKET order asked for.</summary>
    [JsonPropertyName("origQuoteOrderQty")]
    public decimal? OriginalQuoteOrderQuantity { get; init; }

    /// <summary>Gets the status; <see langword="null"/> in ACK responses.</summary>
    [JsonPropertyName("status")]
    public BinanceOrderStatus? Status { get; init; }

    /// <summary>Gets the time in force.</summary>
    [JsonPropertyName("timeInForce")]
    public BinanceTimeInForce? TimeInForce { get; init; }

    /// <summary>Gets the type.</summary>
    [JsonPropertyName("type")]
    public BinanceOrderType? Type { get; init; }

    /// <summary>Gets the side.</summary>
    [JsonPropertyName("side")]
    public BinanceOrderSide? Side { get; init; }

    /// <summary>Gets the stop price, when the order has one.</summary>
    [JsonPropertyName("stopPrice")]
    public decimal? StopPrice { get; init; }

    /// <summary>Gets whether the order is on the book (queries).</summary>
    [JsonPropertyName("isWorking")]
    public bool? IsWorking { get; init; }

    /// <summary>Gets when the order started working on the book, ms since the Unix epoch.</summary>
    [JsonPropertyName("workingTime")]
    public long? WorkingTime { get; init; }

    /// <summary>Gets the immediate fills (FULL place responses); empty otherwise.</summary>
    [JsonPropertyName("fills")]
    public IReadOnlyList<BinanceFill> Fills { get; init; } = [];

    /// <summary>Gets whether the order can still trade (new or partially filled).</summary>
    [JsonIgnore]
    public bool IsOpen => Status is BinanceOrderStatus.New or BinanceOrderStatus.PartiallyFilled or BinanceOrderStatus.PendingNew;
}
