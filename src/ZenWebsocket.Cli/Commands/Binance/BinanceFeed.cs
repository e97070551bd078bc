namespace ZenWebsocket.Cli.Commands;

/// <summary>The Binance market feeds <c>zenws binance</c> can stream.</summary>
internal enum BinanceFeed
{
    /// <summary><c>&lt;symbol&gt;@trade</c>: one line per trade.</summary>
    Trades,

    /// <summary><c>&lt;symbol&gt;@bookTicker</c>: best bid and ask as they change.</summary>
    Ticker,

    /// <summary>A local order book kept from <c>&lt;symbol&gt;@depth@100ms</c> and a REST snapshot.</summary>
    Book,
}
