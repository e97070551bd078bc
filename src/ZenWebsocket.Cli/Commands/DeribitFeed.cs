namespace ZenWebsocket.Cli.Commands;

/// <summary>The public Deribit feeds <c>zenws deribit</c> can stream.</summary>
internal enum DeribitFeed
{
    /// <summary><c>ticker.{instrument}.100ms</c>: one line per ticker.</summary>
    Ticker,

    /// <summary><c>book.{instrument}.100ms</c> through the adapter's maintained book: best bid/ask and depth per update.</summary>
    Book,

    /// <summary><c>trades.{instrument}.100ms</c>: one line per trade.</summary>
    Trades,
}
