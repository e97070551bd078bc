namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>
/// One order in the simulated exchange, a client's or the synthetic market maker's (<see cref="Owner"/> null).
/// Mutated only under the exchange lock.
/// </summary>
internal sealed class SimOrder
{
    public required string OrderId { get; init; }

    public required InstrumentState Instrument { get; init; }

    public required bool IsBuy { get; init; }

    public string Direction => IsBuy ? "buy" : "sell";

    /// <summary>The limit price; for market orders the worst price they may trade at.</summary>
    public decimal Price { get; set; }

    public decimal Amount { get; set; }

    public decimal Filled { get; set; }

    public decimal Remaining => Amount - Filled;

    public string OrderType { get; init; } = "limit";

    public string TimeInForce { get; init; } = "good_til_cancelled";

    public bool PostOnly { get; set; }

    public bool RejectPostOnly { get; set; }

    public bool ReduceOnly { get; set; }

    public string Label { get; init; } = string.Empty;

    public string State { get; set; } = "open";

    public string? CancelReason { get; set; }

    public bool Replaced { get; set; }

    public long CreationTimestamp { get; init; }

    public long LastUpdateTimestamp { get; set; }

    /// <summary>Sum of price × amount over fills, for the average price.</summary>
    public decimal FilledNotional { get; set; }

    public AccountState? Owner { get; init; }

    /// <summary>The connection that placed it (0 for HTTP and synthetic orders); cancel-on-disconnect uses it.</summary>
    public long ConnectionId { get; init; }

    public bool Api { get; init; } = true;

    public bool IsOpen => State == "open";

    public decimal AveragePrice => Filled == 0 ? 0 : Num.RoundToTick(FilledNotional / Filled, Instrument.Definition.TickSize / 100);
}
