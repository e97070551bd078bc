using Microsoft.Extensions.Logging;

namespace ZenWebsocket.Binance;

/// <summary>Settings of <see cref="BinanceOrderBookKeeper"/>. Validated once, when the keeper is created.</summary>
public sealed record BinanceOrderBookOptions
{
    /// <summary>The 100 ms diff-depth stream suffix.</summary>
    public const string Depth100Ms = "@depth@100ms";

    /// <summary>The 1000 ms diff-depth stream suffix.</summary>
    public const string Depth1000Ms = "@depth";

    /// <summary>Gets the default options.</summary>
    public static BinanceOrderBookOptions Default { get; } = new();

    /// <summary>Gets the diff-depth stream suffix appended to the lower-case symbol: <see cref="Depth100Ms"/> (default)
    /// or <see cref="Depth1000Ms"/>.</summary>
    public string StreamSuffix { get; init; } = Depth100Ms;

    /// <summary>Gets the <c>limit</c> of each REST snapshot, 1 to 5000. Default 1000 (weight 50). Deeper levels are
    /// unknown until they change.</summary>
    public int SnapshotLimit { get; init; } = 1000;

    /// <summary>Gets how many snapshots one synchronization may fetch (a snapshot older than the first buffered event,
    /// a transient REST error, or buffered events that do not line up each cost one) before the book fails.
    /// Default 5.</summary>
    public int MaxSnapshotAttempts { get; init; } = 5;

    /// <summary>Gets the pause before the n-th refetch, multiplied by n (a <c>Retry-After</c> from Binance wins).
    /// Default 250 ms.</summary>
    public TimeSpan SnapshotRetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Gets how long without any event before a book is reported stale. Default 5 seconds (50 intervals of
    /// the 100 ms stream); <see cref="Timeout.InfiniteTimeSpan"/> turns the check off.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets how many events may wait for a snapshot; past it the buffer is dropped and synchronization
    /// restarts. Default 10,000.</summary>
    public int MaxBufferedEvents { get; init; } = 10_000;

    /// <summary>Gets how many items a reader of <see cref="BinanceTrackedBook.ReadUpdatesAsync"/> may fall behind
    /// before the oldest are dropped (counted in <see cref="BinanceTrackedBook.DroppedItems"/>; the book itself never
    /// waits for a reader). Default 4096.</summary>
    public int ItemBufferCapacity { get; init; } = 4096;

    /// <summary>Gets the clock for staleness and refetch pauses. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Gets how many snapshot requests the keeper's books may have in flight together. A reconnect makes every
    /// book resync at once; fetching their snapshots a few at a time keeps that burst under the IP's REST weight
    /// (a 1,000-level snapshot costs 10, a 5,000-level one 50, of 6,000 a minute).</summary>
    /// <value>Default 4. Between 1 and 64.</value>
    public int MaxConcurrentSnapshots { get; init; } = 4;

    /// <summary>Gets the logger factory; <see langword="null"/> (default) logs nothing.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Throws when a value is out of range, naming the option.</summary>
    /// <exception cref="ArgumentException">A value is invalid.</exception>
    public void Validate()
    {
        if (StreamSuffix is not (Depth100Ms or Depth1000Ms))
        {
            throw new ArgumentException($"BinanceOrderBookOptions.StreamSuffix must be \"{Depth100Ms}\" or \"{Depth1000Ms}\" (was \"{StreamSuffix}\").");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(SnapshotLimit, 1, "BinanceOrderBookOptions.SnapshotLimit");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SnapshotLimit, BinanceRestClient.MaxDepthLimit, "BinanceOrderBookOptions.SnapshotLimit");
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSnapshotAttempts, 1, "BinanceOrderBookOptions.MaxSnapshotAttempts");
        ArgumentOutOfRangeException.ThrowIfLessThan(SnapshotRetryDelay, TimeSpan.Zero, "BinanceOrderBookOptions.SnapshotRetryDelay");
        if (StaleAfter <= TimeSpan.Zero && StaleAfter != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException($"BinanceOrderBookOptions.StaleAfter must be positive or Timeout.InfiniteTimeSpan (was {StaleAfter}).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBufferedEvents, 1, "BinanceOrderBookOptions.MaxBufferedEvents");
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentSnapshots, 1, "BinanceOrderBookOptions.MaxConcurrentSnapshots");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxConcurrentSnapshots, 64, "BinanceOrderBookOptions.MaxConcurrentSnapshots");
        ArgumentOutOfRangeException.ThrowIfLessThan(ItemBufferCapacity, 1, "BinanceOrderBookOptions.ItemBufferCapacity");
        ArgumentNullException.ThrowIfNull(TimeProvider, "BinanceOrderBookOptions.TimeProvider");
    }
}
