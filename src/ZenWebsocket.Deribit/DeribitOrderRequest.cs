namespace ZenWebsocket.Deribit;

/// <summary>A new order for <c>private/buy</c> or <c>private/sell</c> (A.7).</summary>
public sealed record DeribitOrderRequest
{
    /// <summary>Gets the instrument name, e.g. <c>BTC-PERPETUAL</c>.</summary>
    public required string InstrumentName { get; init; }

    /// <summary>Gets the amount (USD for perpetuals and inverse futures, the base coin for options and linear futures).</summary>
    public required decimal Amount { get; init; }

    /// <summary>Gets the order type.</summary>
    /// <value>Default <c>limit</c>.</value>
    public string Type { get; init; } = "limit";

    /// <summary>Gets the limit price (limit and stop-limit orders).</summary>
    public decimal? Price { get; init; }

    /// <summary>Gets the label (at most 64 characters). Every order carries one so an order whose outcome is unknown after a
    /// disconnect can be found again (<see cref="DeribitAdapter.ReconcileByLabelAsync"/>).</summary>
    /// <value>Default <see langword="null"/>: the adapter generates a unique label.</value>
    public string? Label { get; init; }

    /// <summary>Gets the time in force (<c>good_til_cancelled</c>, <c>good_til_day</c>, <c>fill_or_kill</c>, <c>immediate_or_cancel</c>).</summary>
    /// <value>Default <see langword="null"/>: Deribit's default, <c>good_til_cancelled</c>.</value>
    public string? TimeInForce { get; init; }

    /// <summary>Gets whether the order is post-only.</summary>
    public bool PostOnly { get; init; }

    /// <summary>Gets whether the order may only reduce a position.</summary>
    public bool ReduceOnly { get; init; }
}
