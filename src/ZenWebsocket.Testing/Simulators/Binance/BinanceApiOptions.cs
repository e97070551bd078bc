namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>Settings of the simulator's WebSocket API (<c>/ws-api/v3</c>): accounts, keys, limits.</summary>
public sealed record BinanceApiOptions
{
    /// <summary>Gets the largest <c>recvWindow</c> accepted, in milliseconds. Default 60,000, as Binance.</summary>
    public int MaxRecvWindowMs { get; init; } = 60_000;

    /// <summary>Throws when a value is out of range, naming the option.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxRecvWindowMs, "BinanceApiOptions.MaxRecvWindowMs");
    }
}
