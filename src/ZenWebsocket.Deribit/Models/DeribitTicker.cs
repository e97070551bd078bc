namespace ZenWebsocket.Deribit;

/// <summary>A <c>ticker.{instrument}.{interval}</c> notification (A.6.2).</summary>
public sealed record DeribitTicker
{
    /// <summary>Gets the instrument name.</summary>
    public string InstrumentName { get; init; } = "";

    /// <summary>Gets the time in milliseconds since the Unix epoch.</summary>
    public long Timestamp { get; init; }

    /// <summary>Gets the instrument state (<c>open</c>, <c>closed</c>).</summary>
    public string? State { get; init; }

    /// <summary>Gets the best bid price.</summary>
    public decimal? BestBidPrice { get; init; }

    /// <summary>Gets the best bid amount.</summary>
    public decimal? BestBidAmount { get; init; }

    /// <summary>Gets the best ask price.</summary>
    public decimal? BestAskPrice { get; init; }

    /// <summary>Gets the best ask amount.</summary>
    public decimal? BestAskAmount { get; init; }

    /// <summary>Gets the last trade price.</summary>
    public decimal? LastPrice { get; init; }

    /// <summary>Gets the mark price.</summary>
    public decimal MarkPrice { get; init; }

    /// <summary>Gets the index price.</summary>
    public decimal IndexPrice { get; init; }

    /// <summary>Gets the open interest.</summary>
    public decimal? OpenInterest { get; init; }

    /// <summary>Gets the current funding (perpetuals).</summary>
    public decimal? CurrentFunding { get; init; }
}
