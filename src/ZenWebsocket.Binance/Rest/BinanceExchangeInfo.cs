namespace ZenWebsocket.Binance;

/// <summary>The parts of <c>GET /api/v3/exchangeInfo</c> a trading client needs: server time and symbols with filters.</summary>
/// <param name="ServerTime">The server time when the answer was made.</param>
/// <param name="Symbols">The symbols.</param>
public sealed record BinanceExchangeInfo(DateTimeOffset ServerTime, IReadOnlyList<BinanceSymbolInfo> Symbols)
{
    /// <summary>Finds a symbol, case-insensitively.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <returns>It, or <see langword="null"/> when not listed.</returns>
    public BinanceSymbolInfo? Find(string symbol) =>
        Symbols.FirstOrDefault(s => string.Equals(s.Symbol, symbol, StringComparison.OrdinalIgnoreCase));
}
