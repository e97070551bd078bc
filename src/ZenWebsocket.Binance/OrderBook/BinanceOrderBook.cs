namespace ZenWebsocket.Binance;

/// <summary>
/// A local order book of one symbol kept by Binance's rules (B.5): loaded from a REST snapshot, then fed diff-depth
/// events in order. Pure and IO-free; <see cref="BinanceOrderBookKeeper"/> drives it from a live stream. Not
/// thread-safe: one writer, or the caller locks.
/// </summary>
/// <remarks>
/// The rule for every event, buffered or live, after <see cref="Load"/>: ignore it when <c>u &lt;= localId</c> (it is
/// already in the book: this is step 3's "drop <c>u &lt;= lastUpdateId</c>", and for <c>u == localId</c> applying it
/// would change nothing); declare a gap when <c>U &gt; localId + 1</c> (the 2025-11-12 corrected rule); otherwise apply
/// it and set <c>localId = u</c>. For the first event after a snapshot this accepts both the documented
/// <c>U &lt;= lastUpdateId &lt;= u</c> and the edge case <c>U == lastUpdateId + 1</c>.
/// </remarks>
public sealed class BinanceOrderBook
{
    private readonly SortedDictionary<decimal, decimal> _bids = new(Comparer<decimal>.Create(static (a, b) => b.CompareTo(a)));
    private readonly SortedDictionary<decimal, decimal> _asks = new();

    /// <summary>Initializes an empty, unsynchronized book.</summary>
    /// <param name="symbol">The symbol, e.g. <c>BTCUSDT</c> (stored upper case).</param>
    public BinanceOrderBook(string symbol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        Symbol = symbol.ToUpperInvariant();
    }

    /// <summary>Gets the upper-case symbol.</summary>
    public string Symbol { get; }

    /// <summary>Gets whether the book holds a snapshot and every event since, unbroken.</summary>
    public bool IsSynchronized { get; private set; }

    /// <summary>Gets the local update id: the snapshot's <c>lastUpdateId</c>, then the <c>u</c> of the last applied event.
    /// 0 while not synchronized.</summary>
    public long LastUpdateId { get; private set; }

    /// <summary>Gets the time of the last applied event (the snapshot carries none: <see langword="null"/> until an
    /// event is applied).</summary>
    public DateTimeOffset? LastEventTime { get; private set; }

    /// <summary>Gets the number of bid levels.</summary>
    public int BidCount => _bids.Count;

    /// <summary>Gets the number of ask levels.</summary>
    public int AskCount => _asks.Count;

    /// <summary>Gets the best (highest) bid, or <see langword="null"/> when there is none.</summary>
    public BinanceBookLevel? BestBid => First(_bids);

    /// <summary>Gets the best (lowest) ask, or <see langword="null"/> when there is none.</summary>
    public BinanceBookLevel? BestAsk => First(_asks);

    /// <summary>Replaces the book with a snapshot (step 4: local book = snapshot, localId = <c>lastUpdateId</c>).</summary>
    /// <param name="snapshot">The REST snapshot.</param>
    public void Load(BinanceDepthSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Reset();
        Write(_bids, snapshot.Bids);
        Write(_asks, snapshot.Asks);
        LastUpdateId = snapshot.LastUpdateId;
        IsSynchronized = true;
    }

    /// <summary>Applies a diff-depth event by the rules in the remarks of <see cref="BinanceOrderBook"/>.</summary>
    /// <param name="update">An event of this symbol.</param>
    /// <returns>What happened; on <see cref="BinanceBookApplyResult.Gap"/> the book is empty and unsynchronized.</returns>
    /// <exception cref="InvalidOperationException">The book has no snapshot (buffer events until it has).</exception>
    /// <exception cref="ArgumentException">The event is of another symbol.</exception>
    public BinanceBookApplyResult Apply(BinanceDepthUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (!IsSynchronized)
        {
            throw new InvalidOperationException($"The {Symbol} book has no snapshot yet: buffer events and call Load first.");
        }

        if (update.Symbol.Length > 0 && !string.Equals(update.Symbol, Symbol, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"An event of {update.Symbol} cannot be applied to the {Symbol} book.", nameof(update));
        }

        if (update.FinalUpdateId <= LastUpdateId)
        {
            return BinanceBookApplyResult.Ignored;
        }

        if (update.FirstUpdateId > LastUpdateId + 1)
        {
            Reset();
            return BinanceBookApplyResult.Gap;
        }

        Write(_bids, update.Bids);
        Write(_asks, update.Asks);
        LastUpdateId = update.FinalUpdateId;
        LastEventTime = update.EventTime;
        return BinanceBookApplyResult.Applied;
    }

    /// <summary>Discards the book; it needs a new snapshot.</summary>
    public void Reset()
    {
        _bids.Clear();
        _asks.Clear();
        LastUpdateId = 0;
        LastEventTime = null;
        IsSynchronized = false;
    }

    /// <summary>Copies the top bid levels, best first.</summary>
    /// <param name="depth">The most levels to copy. Default: all.</param>
    /// <returns>The levels.</returns>
    public IReadOnlyList<BinanceBookLevel> GetBids(int depth = int.MaxValue) => Copy(_bids, depth);

    /// <summary>Copies the top ask levels, best first.</summary>
    /// <param name="depth">The most levels to copy. Default: all.</param>
    /// <returns>The levels.</returns>
    public IReadOnlyList<BinanceBookLevel> GetAsks(int depth = int.MaxValue) => Copy(_asks, depth);

    /// <summary>Copies the top levels of both sides with the book's update id.</summary>
    /// <param name="depth">The most levels per side. Default: all.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="InvalidOperationException">The book is not synchronized.</exception>
    public BinanceDepthSnapshot ToSnapshot(int depth = int.MaxValue)
    {
        if (!IsSynchronized)
        {
            throw new InvalidOperationException($"The {Symbol} book is not synchronized.");
        }

        return new BinanceDepthSnapshot(LastUpdateId, GetBids(depth), GetAsks(depth));
    }

    private static void Write(SortedDictionary<decimal, decimal> side, IReadOnlyList<BinanceBookLevel> levels)
    {
        foreach (var level in levels)
        {
            if (level.Quantity == 0)
            {
                side.Remove(level.Price);
            }
            else
            {
                side[level.Price] = level.Quantity;
            }
        }
    }

    private static BinanceBookLevel? First(SortedDictionary<decimal, decimal> side)
    {
        foreach (var (price, quantity) in side)
        {
            return new BinanceBookLevel(price, quantity);
        }

        return null;
    }

    private static BinanceBookLevel[] Copy(SortedDictionary<decimal, decimal> side, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        var levels = new BinanceBookLevel[Math.Min(depth, side.Count)];
        var i = 0;
        foreach (var (price, quantity) in side)
        {
            if (i == levels.Length)
            {
                break;
            }

            levels[i++] = new BinanceBookLevel(price, quantity);
        }

        return levels;
    }
}
