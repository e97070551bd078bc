namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>
/// What the WebSocket API and the matching engine may see of the simulated market (the market generator implements
/// it). Symbols are upper case. Thread-safe.
/// </summary>
internal interface IMarketView
{
    /// <summary>Gets the traded symbols.</summary>
    IReadOnlyList<BinanceSimSymbol> Symbols { get; }

    /// <summary>Gets the simulator's clock (server time, bucket boundaries, timers).</summary>
    TimeProvider Time { get; }

    /// <summary>Raised after each generator step with the symbol that moved (on the generator's thread; keep it short).</summary>
    event Action<string>? Moved;

    /// <summary>Finds a symbol.</summary>
    /// <param name="symbol">Upper-case symbol.</param>
    /// <returns>The symbol, or <see langword="null"/> when unknown.</returns>
    BinanceSimSymbol? Find(string symbol);

    /// <summary>Reads the best bid and ask of a symbol.</summary>
    /// <param name="symbol">Upper-case symbol.</param>
    /// <param name="bestBid">Best bid price.</param>
    /// <param name="bestAsk">Best ask price.</param>
    /// <returns>Whether the symbol is known and both sides have a level.</returns>
    bool TryGetTop(string symbol, out decimal bestBid, out decimal bestAsk);

    /// <summary>Takes a depth snapshot whose <c>lastUpdateId</c> is consistent with the diff-depth stream.</summary>
    /// <param name="symbol">Upper-case symbol.</param>
    /// <param name="limit">Levels per side (1..5000).</param>
    /// <returns>The snapshot, or <see langword="null"/> when the symbol is unknown.</returns>
    DepthSnapshot? GetSnapshot(string symbol, int limit);
}
