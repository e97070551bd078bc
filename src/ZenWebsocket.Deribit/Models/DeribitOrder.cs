namespace ZenWebsocket.Deribit;

/// <summary>An order (<c>user.orders.*</c> notifications and trading results) (A.6.3, A.7).</summary>
public sealed record DeribitOrder
{
    /// <summary>Gets the order id.</summary>
    public string OrderId { get; init; } = "";

    /// <summary>Gets the instrument name.</summary>
    public string InstrumentName { get; init; } = "";

    /// <summary>Gets the side (<c>buy</c>/<c>sell</c>).</summary>
    public string Direction { get; init; } = "";

    /// <summary>Gets the state (<c>open</c>, <c>filled</c>, <c>rejected</c>, <c>cancelled</c>, <c>untriggered</c>, <c>triggered</c>).</summary>
    public string OrderState { get; init; } = "";

    /// <summary>Gets the type (<c>limit</c>, <c>market</c>, ...).</summary>
    public string OrderType { get; init; } = "";

    /// <summary>Gets the limit price.</summary>
    public decimal? Price { get; init; }

    /// <summary>Gets the amount.</summary>
    public decimal Amount { get; init; }

    /// <summary>Gets the filled amount.</summary>
    public decimal FilledAmount { get; init; }

    /// <summary>Gets the average fill price.</summary>
    public decimal? AveragePrice { get; init; }

    /// <summary>Gets the label the order was placed with.</summary>
    public string? Label { get; init; }

    /// <summary>Gets the time in force.</summary>
    public string? TimeInForce { get; init; }

    /// <summary>Gets whether the order is post-only.</summary>
    public bool PostOnly { get; init; }

    /// <summary>Gets whether the order is reduce-only.</summary>
    public bool ReduceOnly { get; init; }

    /// <summary>Gets whether the order was edited.</summary>
    public bool Replaced { get; init; }

    /// <summary>Gets why the order was cancelled (e.g. <c>cancel_on_disconnect</c>).</summary>
    public string? CancelReason { get; init; }

    /// <summary>Gets the creation time in milliseconds since the Unix epoch.</summary>
    public long CreationTimestamp { get; init; }

    /// <summary>Gets the last update time in milliseconds since the Unix epoch.</summary>
    public long LastUpdateTimestamp { get; init; }
}
