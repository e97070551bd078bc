namespace ZenWebsocket.Binance;

/// <summary>Where a tracked book stands.</summary>
public enum BinanceBookState
{
    /// <summary>First synchronization: buffering events and fetching the snapshot.</summary>
    Syncing = 0,

    /// <summary>Synchronized: the book holds a snapshot and every event since.</summary>
    Live = 1,

    /// <summary>A gap or a stream interruption discarded the book; synchronizing again.</summary>
    Resyncing = 2,

    /// <summary>No event arrived within <see cref="BinanceOrderBookOptions.StaleAfter"/>; clears when data resumes.</summary>
    Stale = 3,

    /// <summary>Tracking stopped on an error retrying cannot fix (an unknown symbol, snapshots that never line up, the
    /// stream failed); see the <see cref="BinanceBookItemKind.Failed"/> item.</summary>
    Failed = 4,
}
