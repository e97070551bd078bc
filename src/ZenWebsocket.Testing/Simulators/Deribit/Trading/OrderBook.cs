namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>Resting orders by price level, time priority within a level; bids best (highest) first.</summary>
internal sealed class OrderBook
{
    public SortedDictionary<decimal, List<SimOrder>> Bids { get; } = new(Comparer<decimal>.Create((a, b) => b.CompareTo(a)));

    public SortedDictionary<decimal, List<SimOrder>> Asks { get; } = new();

    public SortedDictionary<decimal, List<SimOrder>> Side(bool bids) => bids ? Bids : Asks;

    public void Add(SimOrder order)
    {
        var side = Side(order.IsBuy);
        if (!side.TryGetValue(order.Price, out var level))
        {
            level = [];
            side[order.Price] = level;
        }

        level.Add(order);
    }

    public void Remove(SimOrder order)
    {
        var side = Side(order.IsBuy);
        if (side.TryGetValue(order.Price, out var level) && level.Remove(order) && level.Count == 0)
        {
            side.Remove(order.Price);
        }
    }

    public decimal? BestPrice(bool bids)
    {
        foreach (var price in Side(bids).Keys)
        {
            return price;
        }

        return null;
    }

    public decimal AmountAt(bool bids, decimal price) =>
        Side(bids).TryGetValue(price, out var level) ? level.Sum(o => o.Remaining) : 0;

    /// <summary>Price to total resting amount, the public view of one side.</summary>
    public Dictionary<decimal, decimal> Aggregate(bool bids) =>
        Side(bids).Where(kv => kv.Value.Count > 0).ToDictionary(kv => kv.Key, kv => kv.Value.Sum(o => o.Remaining));

    public IEnumerable<(decimal Price, decimal Amount)> Levels(bool bids, int depth) =>
        Side(bids).Take(depth).Select(kv => (kv.Key, kv.Value.Sum(o => o.Remaining)));

    /// <summary>How much a taker could fill at or better than <paramref name="limit"/> (for fill-or-kill).</summary>
    public decimal Available(bool takerBuys, decimal? limit) =>
        Side(!takerBuys).TakeWhile(kv => limit is null || (takerBuys ? kv.Key <= limit : kv.Key >= limit))
            .Sum(kv => kv.Value.Sum(o => o.Remaining));

    public IEnumerable<SimOrder> All() => Bids.Values.Concat(Asks.Values).SelectMany(l => l);
}
