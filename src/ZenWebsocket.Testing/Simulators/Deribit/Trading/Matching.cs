namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>Price-time matching of one taker against the opposite side of a book. Pure book mechanics: no money.</summary>
internal static class Matching
{
    /// <summary>Fills <paramref name="taker"/> against resting orders priced at or better than its limit.</summary>
    /// <param name="book">The instrument's book.</param>
    /// <param name="taker">The incoming order; its <see cref="SimOrder.Filled"/> grows.</param>
    /// <param name="limit">The worst price to trade at; <see langword="null"/> for any price (market).</param>
    /// <returns>The fills in execution order; makers that fill completely leave the book.</returns>
    public static List<Fill> Match(OrderBook book, SimOrder taker, decimal? limit)
    {
        var fills = new List<Fill>();
        var side = book.Side(!taker.IsBuy);
        while (taker.Remaining > 0 && side.Count > 0)
        {
            var (price, level) = side.First();
            if (limit is { } l && (taker.IsBuy ? price > l : price < l))
            {
                break;
            }

            while (taker.Remaining > 0 && level.Count > 0)
            {
                var maker = level[0];
                var amount = Math.Min(maker.Remaining, taker.Remaining);
                maker.Filled += amount;
                maker.FilledNotional += amount * price;
                taker.Filled += amount;
                taker.FilledNotional += amount * price;
                fills.Add(new Fill(maker, taker, price, amount));
                if (maker.Remaining == 0)
                {
                    maker.State = "filled";
                    level.RemoveAt(0);
                }
            }

            if (level.Count == 0)
            {
                side.Remove(price);
            }
        }

        return fills;
    }
}
