namespace ZenWebsocket.Binance;

/// <summary>
/// Keeps local order books of many symbols at once by Binance's procedure (B.5): for each tracked symbol it subscribes
/// to <c>&lt;symbol&gt;@depth@100ms</c> on an <see cref="IBinanceStreamSource"/>, buffers, fetches a REST snapshot with
/// <see cref="BinanceRestClient"/>, lines the two up, applies events, and resynchronizes on any gap with an in-band
/// marker. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// using var rest = new BinanceRestClient();
/// await using var keeper = new BinanceOrderBookKeeper(streams, rest);
/// var btc = await keeper.TrackAsync("BTCUSDT");
/// await foreach (var item in btc.ReadUpdatesAsync(ct))
/// {
///     if (item.Kind is BinanceBookItemKind.Synced or BinanceBookItemKind.Update)
///     {
///         var top = btc.GetSnapshot(depth: 5);
///     }
/// }
/// </code>
/// </example>
public sealed class BinanceOrderBookKeeper : IAsyncDisposable
{
    private readonly IBinanceStreamSource _streams;
    private readonly BinanceRestClient _rest;
    private readonly SemaphoreSlim _snapshotGate;
    private readonly BinanceOrderBookOptions _options;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, BinanceTrackedBook?> _books = new(StringComparer.Ordinal);
    private bool _disposed;

    /// <summary>Creates a keeper.</summary>
    /// <param name="streams">Where the diff-depth streams come from (e.g. the market-streams client).</param>
    /// <param name="rest">Where the snapshots come from; not disposed by the keeper.</param>
    /// <param name="options">The settings; default <see cref="BinanceOrderBookOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public BinanceOrderBookKeeper(IBinanceStreamSource streams, BinanceRestClient rest, BinanceOrderBookOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(rest);
        _options = options ?? BinanceOrderBookOptions.Default;
        _options.Validate();
        _streams = streams;
        _rest = rest;
        _snapshotGate = new SemaphoreSlim(_options.MaxConcurrentSnapshots);
    }

    /// <summary>Gets the books tracked now.</summary>
    public IReadOnlyList<BinanceTrackedBook> Books
    {
        get
        {
            lock (_lock)
            {
                return _books.Values.OfType<BinanceTrackedBook>().ToArray();
            }
        }
    }

    /// <summary>Starts tracking a symbol: subscribes to its diff-depth stream and begins synchronizing in the
    /// background. Follow <see cref="BinanceTrackedBook.ReadUpdatesAsync"/> for the <see cref="BinanceBookItemKind.Synced"/> item.</summary>
    /// <param name="symbol">The symbol, any case, e.g. <c>BTCUSDT</c>.</param>
    /// <param name="cancellationToken">Cancels the subscribe.</param>
    /// <returns>The tracked book; dispose it to stop tracking.</returns>
    /// <exception cref="InvalidOperationException">The symbol is tracked already, or the keeper is disposed.</exception>
    public async Task<BinanceTrackedBook> TrackAsync(string symbol, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var key = symbol.Trim().ToUpperInvariant();
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_books.TryAdd(key, null))
            {
                throw new InvalidOperationException($"{key} is tracked already; use the book TrackAsync returned, or dispose it first.");
            }
        }

        IBinanceStreamSubscription subscription;
        try
        {
            subscription = await _streams.SubscribeAsync(key.ToLowerInvariant() + _options.StreamSuffix, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            lock (_lock)
            {
                _books.Remove(key);
            }

            throw;
        }

        var book = new BinanceTrackedBook(key, subscription, _rest, _snapshotGate, _options, Forget);
        bool disposed;
        lock (_lock)
        {
            disposed = _disposed;
            if (!disposed)
            {
                _books[key] = book;
            }
        }

        if (disposed)
        {
            await book.DisposeAsync().ConfigureAwait(false);
            throw new ObjectDisposedException(nameof(BinanceOrderBookKeeper));
        }

        book.Start();
        return book;
    }

    /// <summary>Finds a tracked book.</summary>
    /// <param name="symbol">The symbol, any case.</param>
    /// <returns>The book, or <see langword="null"/> when the symbol is not tracked.</returns>
    public BinanceTrackedBook? Find(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        lock (_lock)
        {
            return _books.GetValueOrDefault(symbol.Trim().ToUpperInvariant());
        }
    }

    /// <summary>Stops tracking every book.</summary>
    /// <returns>Completes when all are stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        BinanceTrackedBook[] books;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            books = _books.Values.OfType<BinanceTrackedBook>().ToArray();
        }

        foreach (var book in books)
        {
            await book.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Forget(BinanceTrackedBook book)
    {
        lock (_lock)
        {
            if (_books.TryGetValue(book.Symbol, out var current) && ReferenceEquals(current, book))
            {
                _books.Remove(book.Symbol);
            }
        }
    }
}
