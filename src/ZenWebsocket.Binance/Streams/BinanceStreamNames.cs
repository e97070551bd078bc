namespace ZenWebsocket.Binance;

/// <summary>Builds and normalises Binance market-stream names (B.4): <c>&lt;symbol&gt;@&lt;kind&gt;</c>, symbol lower-case.</summary>
public static class BinanceStreamNames
{
    /// <summary>Returns the canonical form of a stream name: trimmed, the symbol (before the first <c>@</c>)
    /// lower-cased, the rest kept as written (market-wide <c>!...</c> streams entirely) (kline intervals are case-sensitive: <c>1m</c> is a minute, <c>1M</c> a month).</summary>
    /// <param name="stream">The stream name, e.g. <c>BTCUSDT@trade</c>.</param>
    /// <returns>The canonical name, e.g. <c>btcusdt@trade</c>.</returns>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    public static string Canonicalize(string stream)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        var name = stream.Trim();
        if (name.StartsWith('!'))
        {
            // Market-wide streams (!miniTicker@arr) have no symbol and are spelled as documented.
            return name;
        }

        var at = name.IndexOf('@', StringComparison.Ordinal);
        var symbol = at < 0 ? name : name[..at];
        return string.Concat(symbol.ToLowerInvariant(), at < 0 ? "" : name[at..]);
    }

    /// <summary>Returns <c>&lt;symbol&gt;@trade</c>.</summary>
    /// <param name="symbol">The symbol, e.g. <c>BTCUSDT</c>.</param>
    /// <returns>The stream name.</returns>
    public static string Trade(string symbol) => Of(symbol, "trade");

    /// <summary>Returns <c>&lt;symbol&gt;@aggTrade</c>.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <returns>The stream name.</returns>
    public static string AggTrade(string symbol) => Of(symbol, "aggTrade");

    /// <summary>Returns <c>&lt;symbol&gt;@bookTicker</c>.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <returns>The stream name.</returns>
    public static string BookTicker(string symbol) => Of(symbol, "bookTicker");

    /// <summary>Returns <c>&lt;symbol&gt;@ticker</c> (the rolling 24 h ticker).</summary>
    /// <param name="symbol">The symbol.</param>
    /// <returns>The stream name.</returns>
    public static string Ticker(string symbol) => Of(symbol, "ticker");

    /// <summary>Returns <c>&lt;symbol&gt;@kline_&lt;interval&gt;</c>.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="interval">The interval, e.g. <c>1m</c>, <c>1h</c>, <c>1M</c>.</param>
    /// <returns>The stream name.</returns>
    public static string Kline(string symbol, string interval)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(interval);
        return Of(symbol, "kline_" + interval.Trim());
    }

    /// <summary>Returns <c>&lt;symbol&gt;@depth&lt;levels&gt;</c> or <c>...@100ms</c> (partial book depth).</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="levels">5, 10 or 20.</param>
    /// <param name="fast">Whether to get 100 ms updates instead of 1,000 ms.</param>
    /// <returns>The stream name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="levels"/> is not 5, 10 or 20.</exception>
    public static string PartialDepth(string symbol, int levels, bool fast = false)
    {
        if (levels is not (5 or 10 or 20))
        {
            throw new ArgumentOutOfRangeException(nameof(levels), levels, "Binance partial depth has 5, 10 or 20 levels.");
        }

        return Of(symbol, $"depth{levels}{(fast ? "@100ms" : "")}");
    }

    /// <summary>Returns <c>&lt;symbol&gt;@depth</c> or <c>&lt;symbol&gt;@depth@100ms</c> (diff depth, for a local order book).</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="fast">Whether to get 100 ms updates instead of 1,000 ms.</param>
    /// <returns>The stream name.</returns>
    public static string DiffDepth(string symbol, bool fast = true) => Of(symbol, fast ? "depth@100ms" : "depth");

    private static string Of(string symbol, string kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        return symbol.Trim().ToLowerInvariant() + "@" + kind;
    }
}
