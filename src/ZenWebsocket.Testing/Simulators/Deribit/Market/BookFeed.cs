using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>
/// Change ids for one book. The raw stream commits every change with the next id; the aggregated stream
/// (<c>100ms</c>) publishes the difference since its own last publication, chained by <c>prev_change_id</c>, so its ids
/// are not consecutive (A.6.1). An injected gap silently drops the next message of each stream while the state moves on,
/// exactly what a lost message looks like to a client.
/// </summary>
internal sealed class BookFeed(long firstChangeId)
{
    private Dictionary<decimal, decimal> _rawBids = [];
    private Dictionary<decimal, decimal> _rawAsks = [];
    private Dictionary<decimal, decimal> _aggBids = [];
    private Dictionary<decimal, decimal> _aggAsks = [];
    private bool _skipRaw;
    private bool _skipAggregated;

    public long ChangeId { get; private set; } = firstChangeId;

    public long AggregatedChangeId { get; private set; } = firstChangeId;

    public void InjectGap()
    {
        _skipRaw = true;
        _skipAggregated = true;
    }

    /// <summary>Sets the published state without a message (at start-up, before anyone can subscribe).</summary>
    public void Reset(OrderBook book)
    {
        _rawBids = book.Aggregate(bids: true);
        _rawAsks = book.Aggregate(bids: false);
        _aggBids = new(_rawBids);
        _aggAsks = new(_rawAsks);
        AggregatedChangeId = ChangeId;
    }

    public BookDelta? CommitRaw(OrderBook book)
    {
        var bids = book.Aggregate(bids: true);
        var asks = book.Aggregate(bids: false);
        var (bidChanges, askChanges) = (Diff(_rawBids, bids, descending: true), Diff(_rawAsks, asks, descending: false));
        if (bidChanges.Count == 0 && askChanges.Count == 0)
        {
            return null;
        }

        (_rawBids, _rawAsks) = (bids, asks);
        var prev = ChangeId;
        ChangeId++;
        var suppressed = _skipRaw;
        _skipRaw = false;
        return new BookDelta(prev, ChangeId, bidChanges, askChanges, suppressed);
    }

    public BookDelta? CommitAggregated()
    {
        if (AggregatedChangeId == ChangeId)
        {
            return null;
        }

        var delta = new BookDelta(
            AggregatedChangeId, ChangeId, Diff(_aggBids, _rawBids, descending: true), Diff(_aggAsks, _rawAsks, descending: false), _skipAggregated);
        _skipAggregated = false;
        (_aggBids, _aggAsks) = (new(_rawBids), new(_rawAsks));
        AggregatedChangeId = ChangeId;
        return delta;
    }

    public JsonObject Snapshot(string instrument, long timestamp, bool aggregated) => new()
    {
        ["type"] = "snapshot",
        ["timestamp"] = timestamp,
        ["instrument_name"] = instrument,
        ["change_id"] = aggregated ? AggregatedChangeId : ChangeId,
        ["bids"] = Entries((aggregated ? _aggBids : _rawBids).OrderByDescending(kv => kv.Key).Select(kv => ("new", kv.Key, kv.Value))),
        ["asks"] = Entries((aggregated ? _aggAsks : _rawAsks).OrderBy(kv => kv.Key).Select(kv => ("new", kv.Key, kv.Value))),
    };

    public static JsonObject Change(string instrument, long timestamp, BookDelta delta) => new()
    {
        ["type"] = "change",
        ["timestamp"] = timestamp,
        ["prev_change_id"] = delta.PrevChangeId,
        ["instrument_name"] = instrument,
        ["change_id"] = delta.ChangeId,
        ["bids"] = Entries(delta.Bids),
        ["asks"] = Entries(delta.Asks),
    };

    private static JsonArray Entries(IEnumerable<(string Action, decimal Price, decimal Amount)> entries) =>
        new(entries.Select(e => (JsonNode)new JsonArray(e.Action, Num.Json(e.Price), Num.Json(e.Amount))).ToArray());

    private static List<(string, decimal, decimal)> Diff(Dictionary<decimal, decimal> before, Dictionary<decimal, decimal> after, bool descending)
    {
        var changes = new List<(string, decimal, decimal)>();
        foreach (var (price, amount) in after)
        {
            if (!before.TryGetValue(price, out var old))
            {
                changes.Add(("new", price, amount));
            }
            else if (old != amount)
            {
                changes.Add(("change", price, amount));
            }
        }

        changes.AddRange(before.Keys.Where(p => !after.ContainsKey(p)).Select(p => ("delete", p, 0m)));
        return descending ? changes.OrderByDescending(c => c.Item2).ToList() : changes.OrderBy(c => c.Item2).ToList();
    }
}
