namespace ZenWebsocket.Deribit;

/// <summary>
/// A local order book of one instrument maintained from <c>book.{instrument}.{interval}</c> updates (A.6.1): a
/// snapshot, then changes whose <c>prev_change_id</c> must equal the last <c>change_id</c>; on a break the book is
/// dropped until the next snapshot. Not thread-safe: one reader applies, or the caller locks.
/// </summary>
public sealed class DeribitOrderBook
{
    private readonly SortedDictionary<decimal, decimal> _bids = new(Comparer<decimal>.Create((a, b) => b.CompareTo(a)));
    private readonly SortedDictionary<decimal, decimal> _asks = new();

    /// <summary>Initializes an empty book.</summary>
    /// <param name="instrumentName">The instrument name.</param>
    public DeribitOrderBook(string instrumentName)
    {
        ArgumentException.ThrowIfNullOrEmpty(instrumentName);
        InstrumentName = instrumentName;
    }

    /// <summary>Gets the instrument name.</summary>
    public string InstrumentName { get; }

    /// <summary>Gets whether the book holds a snapshot and every change since, unbroken.</summary>
    public bool IsSynchronized { get; private set; }

    /// <summary>Gets the last applied change id; <see langword="null"/> when not synchronized.</summary>
    public long? ChangeId { get; private set; }

    /// <summary>Gets the time of the last applied update, in milliseconds since the Unix epoch.</summary>
    public long Timestamp { get; private set; }

    /// <summary>Gets the best bid (highest price), if any.</summary>
    public KeyValuePair<decimal, decimal>? BestBid => _bids.Count > 0 ? _bids.First() : null;

    /// <summary>Gets the best ask (lowest price), if any.</summary>
    public KeyValuePair<decimal, decimal>? BestAsk => _asks.Count > 0 ? _asks.First() : null;

    /// <summary>Returns the top bid levels, best first.</summary>
    /// <param name="depth">The most levels to return.</param>
    /// <returns>Price and amount of each level.</returns>
    public IReadOnlyList<KeyValuePair<decimal, decimal>> GetBids(int depth = int.MaxValue) => _bids.Take(depth).ToArray();

    /// <summary>Returns the top ask levels, best first.</summary>
    /// <param name="depth">The most levels to return.</param>
    /// <returns>Price and amount of each level.</returns>
    public IReadOnlyList<KeyValuePair<decimal, decimal>> GetAsks(int depth = int.MaxValue) => _asks.Take(depth).ToArray();

    /// <summary>Drops the book (after a reconnect, or before a resubscription); the next snapshot rebuilds it.</summary>
    public void Reset()
    {
        _bids.Clear();
        _asks.Clear();
        IsSynchronized = false;
        ChangeId = null;
    }

    /// <summary>Applies an update.</summary>
    /// <param name="update">The update of this instrument.</param>
    /// <returns>What it did; on <see cref="DeribitBookApplyResult.Gap"/> resubscribe for a fresh snapshot.</returns>
    public DeribitBookApplyResult Apply(DeribitBookUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.IsSnapshot)
        {
            Reset();
            Write(update);
            IsSynchronized = true;
            return DeribitBookApplyResult.Snapshot;
        }

        if (!IsSynchronized)
        {
            return DeribitBookApplyResult.Ignored;
        }

        if (update.PrevChangeId != ChangeId)
        {
            Reset();
            return DeribitBookApplyResult.Gap;
        }

        Write(update);
        return DeribitBookApplyResult.Applied;
    }

    private static void Write(SortedDictionary<decimal, decimal> side, IReadOnlyList<DeribitBookEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.Action == "delete" || entry.Amount == 0)
            {
                side.Remove(entry.Price);
            }
            else
            {
                side[entry.Price] = entry.Amount;
            }
        }
    }

    private void Write(DeribitBookUpdate update)
    {
        Write(_bids, update.Bids);
        Write(_asks, update.Asks);
        ChangeId = update.ChangeId;
        Timestamp = update.Timestamp;
    }
}
