namespace ZenWebsocket.Deribit;

/// <summary>A public trade of a <c>trades.*</c> notification (A.6.2).</summary>
public sealed record DeribitTrade
{
    /// <summary>Gets the trade id (unique per currency).</summary>
    public string TradeId { get; init; } = "";

    /// <summary>Gets the trade sequence number within the instrument.</summary>
    public long TradeSeq { get; init; }

    /// <summary>Gets the time in milliseconds since the Unix epoch.</summary>
    public long Timestamp { get; init; }

    /// <summary>Gets the tick direction (0 plus, 1 zero-plus, 2 minus, 3 zero-minus).</summary>
    public int TickDirection { get; init; }

    /// <summary>Gets the price.</summary>
    public decimal Price { get; init; }

    /// <summary>Gets the amount.</summary>
    public decimal Amount { get; init; }

    /// <summary>Gets the mark price.</summary>
    public decimal MarkPrice { get; init; }

    /// <summary>Gets the index price.</summary>
    public decimal IndexPrice { get; init; }

    /// <summary>Gets the instrument name.</summary>
    public string InstrumentName { get; init; } = "";

    /// <summary>Gets the taker side (<c>buy</c>/<c>sell</c>).</summary>
    public string Direction { get; init; } = "";
}
