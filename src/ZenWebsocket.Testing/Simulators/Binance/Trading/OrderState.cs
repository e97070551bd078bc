namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>One order of the matching engine (mutable; guarded by the engine's lock).</summary>
internal sealed class OrderState
{
    public required BinanceSimSymbol Symbol { get; init; }

    public required string Account { get; init; }

    public required long OrderId { get; init; }

    public required string ClientOrderId { get; init; }

    public required string Side { get; init; }

    public required string Type { get; init; }

    public required string TimeInForce { get; init; }

    public required decimal Price { get; init; }

    public required decimal OrigQty { get; init; }

    public decimal QuoteOrderQty { get; init; }

    public required long Time { get; init; }

    public decimal ExecutedQty { get; set; }

    public decimal CumulativeQuote { get; set; }

    public string Status { get; set; } = "NEW";

    public long UpdateTime { get; set; }

    /// <summary>Gets or sets what the resting order holds locked (quote for a buy, base for a sell).</summary>
    public decimal LockedAmount { get; set; }

    public bool IsBuy => Side == "BUY";

    public bool IsOpen => Status is "NEW" or "PARTIALLY_FILLED";

    public string LockedAsset => IsBuy ? Symbol.QuoteAsset : Symbol.BaseAsset;

    public BinanceSimOrder Snapshot() =>
        new(Symbol.Symbol, OrderId, ClientOrderId, Side, Type, Price, OrigQty, ExecutedQty, Status, Account);
}
