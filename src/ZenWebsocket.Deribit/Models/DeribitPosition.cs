namespace ZenWebsocket.Deribit;

/// <summary>A position (<c>private/get_positions</c>) (A.6.3).</summary>
public sealed record DeribitPosition
{
    /// <summary>Gets the instrument name.</summary>
    public string InstrumentName { get; init; } = "";

    /// <summary>Gets the instrument kind.</summary>
    public string? Kind { get; init; }

    /// <summary>Gets the direction (<c>buy</c>, <c>sell</c>, <c>zero</c>).</summary>
    public string Direction { get; init; } = "";

    /// <summary>Gets the size.</summary>
    public decimal Size { get; init; }

    /// <summary>Gets the size in the currency.</summary>
    public decimal? SizeCurrency { get; init; }

    /// <summary>Gets the average price.</summary>
    public decimal AveragePrice { get; init; }

    /// <summary>Gets the mark price.</summary>
    public decimal MarkPrice { get; init; }

    /// <summary>Gets the index price.</summary>
    public decimal IndexPrice { get; init; }

    /// <summary>Gets the floating profit and loss.</summary>
    public decimal FloatingProfitLoss { get; init; }

    /// <summary>Gets the realised profit and loss.</summary>
    public decimal RealizedProfitLoss { get; init; }

    /// <summary>Gets the total profit and loss.</summary>
    public decimal TotalProfitLoss { get; init; }

    /// <summary>Gets the leverage.</summary>
    public decimal? Leverage { get; init; }
}
