using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ZenWebsocket.Binance;

/// <summary>
/// One symbol's local order book kept in sync by a <see cref="BinanceOrderBookKeeper"/> (B.5): buffer the diff
/// stream, fetch a snapshot, line them up, apply, and start over on a gap. Read the book with
/// <see cref="GetSnapshot"/> at any time; follow it with <see cref="ReadUpdatesAsync"/>. Dispose to stop tracking.
/// </summary>
/// <remarks>
/// All book work runs on one loop per symbol fed by a bounded input channel (stream items, snapshot results, the
/// staleness timer), so the procedure has no races; readers take a short lock to copy levels out.
/// </remarks>
public sealed partial class BinanceTrackedBook : IAsyncDisposable
{
    private readonly IBinanceStreamSubscription _subscription;
    private readonly BinanceRestClient _rest;

    // Shared by the keeper's books: how many snapshots may be fetched at once.
    private readonly SemaphoreSlim _snapshotGate;
    private readonly BinanceOrderBookOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Action<BinanceTrackedBook>? _onDisposed;
    private readonly BinanceOrderBook _book;
    private readonly Lock _bookLock = new();
    private readonly Channel<Input> _inputs = Channel.CreateBounded<Input>(new BoundedChannelOptions(1024) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Channel<BinanceBookItem> _items;
    private readonly CancellationTokenSource _stop = new();
    private Task _reader = Task.CompletedTask;
    private Task _loop = Task.CompletedTask;
    private int _phase = (int)BinanceBookState.Syncing;
    private int _stale;
    private long _droppedItems;
    private int _gaps;
    private int _syncs;
    private int _snapshotFetches;
    private int _disposed;

    internal BinanceTrackedBook(string symbol, IBinanceStreamSubscription subscription, BinanceRestClient rest, SemaphoreSlim snapshotGate, BinanceOrderBookOptions options, Action<BinanceTrackedBook>? onDisposed)
    {
        _snapshotGate = snapshotGate;
        Symbol = symbol;
        _subscription = subscription;
        _rest = rest;
        _options = options;
        _time = options.TimeProvider;
        _logger = options.LoggerFactory?.CreateLogger("ZenWebsocket.Binance.OrderBook") ?? NullLogger.Instance;
        _onDisposed = onDisposed;
        _book = new BinanceOrderBook(symbol);

        // The book never waits for a slow reader: the oldest items go (counted); State and GetSnapshot stay true.
        _items = Channel.CreateBounded<BinanceBookItem>(
            new BoundedChannelOptions(options.ItemBufferCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest },
            _ => Interlocked.Increment(ref _droppedItems));
        _staleTimer = _time.CreateTimer(static state => ((BinanceTrackedBook)state!).OnStaleTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Gets the upper-case symbol.</summary>
    public string Symbol { get; }

    /// <summary>Gets the diff-depth stream name, e.g. <c>btcusdt@depth@100ms</c>.</summary>
    public string StreamName => _subscription.Name;

    /// <summary>Gets where the book stands; <see cref="BinanceBookState.Stale"/> wins over the phase while no data flows.</summary>
    public BinanceBookState State
    {
        get
        {
            var phase = (BinanceBookState)Volatile.Read(ref _phase);
            return phase != BinanceBookState.Failed && Volatile.Read(ref _stale) == 1 ? BinanceBookState.Stale : phase;
        }
    }

    /// <summary>Gets the book's update id, or <see langword="null"/> while it is not synchronized.</summary>
    public long? LastUpdateId
    {
        get
        {
            lock (_bookLock)
            {
                return _book.IsSynchronized ? _book.LastUpdateId : null;
            }
        }
    }

    /// <summary>Gets how many gaps discarded the book (each followed by a resynchronization).</summary>
    public int Gaps => Volatile.Read(ref _gaps);

    /// <summary>Gets how many times the book synchronized (the first time included).</summary>
    public int Syncs => Volatile.Read(ref _syncs);

    /// <summary>Gets how many REST snapshots were fetched.</summary>
    public int SnapshotFetches => Volatile.Read(ref _snapshotFetches);

    /// <summary>Gets how many items a slow reader of <see cref="ReadUpdatesAsync"/> lost.</summary>
    public long DroppedItems => Interlocked.Read(ref _droppedItems);

    /// <summary>Copies the top levels of the book with its update id; thread-safe.</summary>
    /// <param name="depth">The most levels per side. Default: all.</param>
    /// <returns>The copy, or <see langword="null"/> while the book is not synchronized.</returns>
    public BinanceDepthSnapshot? GetSnapshot(int depth = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        lock (_bookLock)
        {
            return _book.IsSynchronized ? _book.ToSnapshot(depth) : null;
        }
    }

    /// <summary>Returns the best bid and ask; thread-safe.</summary>
    /// <returns>The best levels, <see langword="null"/> where a side is empty or the book is not synchronized.</returns>
    public (BinanceBookLevel? Bid, BinanceBookLevel? Ask) GetBest()
    {
        lock (_bookLock)
        {
            return (_book.BestBid, _book.BestAsk);
        }
    }

    /// <summary>
    /// Reads the book's items in order: <see cref="BinanceBookItemKind.Synced"/>, then an
    /// <see cref="BinanceBookItemKind.Update"/> per applied event, with <see cref="BinanceBookItemKind.Gap"/> and
    /// <see cref="BinanceBookItemKind.Stale"/> markers where they happened. One reader at a time.
    /// </summary>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The items; the sequence ends after <see cref="BinanceBookItemKind.Failed"/> or disposal.</returns>
    public IAsyncEnumerable<BinanceBookItem> ReadUpdatesAsync(CancellationToken cancellationToken = default) =>
        _items.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Stops tracking: ends the loop, leaves the stream and ends <see cref="ReadUpdatesAsync"/>.</summary>
    /// <returns>Completes when stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _staleTimer.DisposeAsync().ConfigureAwait(false);

        // Leaving the stream also ends a reader that does not watch the token.
        await _subscription.DisposeAsync().ConfigureAwait(false);
        await Task.WhenAll(_reader, _loop, Volatile.Read(ref _fetch)).ConfigureAwait(false);
        _items.Writer.TryComplete();
        _stop.Dispose();
        _onDisposed?.Invoke(this);
    }

    internal void Start()
    {
        ArmStaleTimer();
        _loop = Task.Run(RunLoopAsync);
        _reader = Task.Run(ReadStreamAsync);
    }

    private void Emit(BinanceBookItemKind kind, long updateId, BinanceDepthUpdate? update = null, string? detail = null) =>
        _items.Writer.TryWrite(new BinanceBookItem(kind, Symbol, updateId, update, detail));

    private void SetPhase(BinanceBookState phase) => Volatile.Write(ref _phase, (int)phase);

    private BinanceBookState Phase => (BinanceBookState)Volatile.Read(ref _phase);
}
