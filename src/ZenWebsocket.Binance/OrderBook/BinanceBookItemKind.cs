namespace ZenWebsocket.Binance;

/// <summary>What an item of <see cref="BinanceTrackedBook.ReadUpdatesAsync"/> is.</summary>
public enum BinanceBookItemKind
{
    /// <summary>The book is synchronized (first time or after a gap) at <see cref="BinanceBookItem.UpdateId"/>: the
    /// snapshot plus the buffered events it did not hold, which get no <see cref="Update"/> items of their own.</summary>
    Synced = 0,

    /// <summary>A diff-depth event was applied; the book is now at <see cref="BinanceBookItem.UpdateId"/>.</summary>
    Update = 1,

    /// <summary>Events were missed (<c>U &gt; localId + 1</c>, or the stream reported a reconnect or gap): the book was
    /// discarded here and synchronization starts again; a <see cref="Synced"/> item follows when it is back.</summary>
    Gap = 2,

    /// <summary>No event arrived within <see cref="BinanceOrderBookOptions.StaleAfter"/>; the next
    /// <see cref="Update"/> or <see cref="Synced"/> item means data resumed.</summary>
    Stale = 3,

    /// <summary>Tracking stopped; see the detail. The sequence ends after this item.</summary>
    Failed = 4,
}
