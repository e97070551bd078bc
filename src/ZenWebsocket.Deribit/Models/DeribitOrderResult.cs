namespace ZenWebsocket.Deribit;

/// <summary>The result of <c>private/buy</c>, <c>private/sell</c> and <c>private/edit</c> (A.7).</summary>
public sealed record DeribitOrderResult
{
    /// <summary>Gets the order.</summary>
    public DeribitOrder Order { get; init; } = new();

    /// <summary>Gets the trades the order made at once.</summary>
    public IReadOnlyList<DeribitUserTrade> Trades { get; init; } = [];
}
