namespace ZenWebsocket.Deribit;

/// <summary>A trade of this account (<c>user.trades.*</c>, or the <c>trades</c> of an order result) (A.6.3).</summary>
public sealed record DeribitUserTrade
{
    /// <summary>Gets the trade id.</summary>
    public string TradeId { get; init; } = "";

    /// <summary>Gets the trade sequence number within the instrument.</summary>
    public long TradeSeq { get; init; }

    /// <summary>Gets the time in milliseconds since the Unix epoch.</summary>
    public long Timestamp { get; init; }

    /// <summary>Gets the instrument name.</summary>
    public string InstrumentName { get; init; } = "";

    /// <summary>Gets the order id.</summary>
    public string OrderId { get; init; } = "";

    /// <summary>Gets the order type.</summary>
    public string? OrderType { get; init; }

    /// <summary>Gets the order state after the trade.</summary>
    public string? State { get; init; }

    /// <summary>Gets the side (<c>buy</c>/<c>sell</c>).</summary>
    public string Direction { get; init; } = "";

    /// <summary>Gets the price.</summary>
    public decimal Price { get; init; }

    /// <summary>Gets the amount.</summary>
    public decimal Amount { get; init; }

    /// <summary>Gets the fee.</summary>
    public decimal Fee { get; init; }

    /// <summary>Gets the fee currency.</summary>
    public string? FeeCurrency { get; init; }

    /// <summary>Gets the liquidity (<c>M</c> maker, <c>T</c> taker).</summary>
    public string? Liquidity { get; init; }

    /// <summary>Gets the order label.</summary>
    public string? Label { get; init; }

    /// <summary>Gets the mark price.</summary>
    public decimal MarkPrice { get; init; }

    /// <summary>Gets the index price.</summary>
    public decimal IndexPrice { get; init; }
}
