using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Deribit;

internal sealed partial class Exchange
{
    private void SeedBook(InstrumentState i)
    {
        i.AnchorBid = i.Definition.InitialPrice;
        i.LastPrice = i.OpenPrice = i.High = i.Low = i.Definition.InitialPrice;
        RefreshSynthetic(i, Now());
        i.Feed.Reset(i.Book);
        _touchedBooks.Clear();
    }

    /// <summary>Every <see cref="DeribitSimulatorOptions.MarketDataInterval"/>: move the market, then publish the aggregated channels.</summary>
    private void OnMarketTick()
    {
        lock (_lock)
        {
            var now = Now();
            if (_options.GenerateMarketData)
            {
                foreach (var instrument in _instruments.Values)
                {
                    Step(instrument, now);
                }

                Flush();
            }

            foreach (var instrument in _instruments.Values)
            {
                PublishAggregated(instrument, now);
            }

            foreach (var index in _instruments.Values.Select(i => (i.IndexName, i.Currency)).Distinct())
            {
                Publish("deribit_price_index." + index.IndexName, new JsonObject
                {
                    ["timestamp"] = now,
                    ["price"] = Num.Json(IndexPrice(index.Currency)),
                    ["index_name"] = index.IndexName,
                });
            }
        }
    }

    private void Step(InstrumentState i, long now)
    {
        var tick = i.Definition.TickSize;
        i.AnchorBid = Math.Max(tick * (MarketGenerator.Levels + 2), i.AnchorBid + (_generator.NextStep() * tick));
        RefreshSynthetic(i, now);
        if (_generator.ReshuffleNow())
        {
            var price = i.AnchorBid - (_generator.PickLevel() * tick);
            var maker = i.Book.Bids.GetValueOrDefault(price)?.FirstOrDefault(o => o.Owner is null);
            if (maker is not null)
            {
                maker.Amount = maker.Filled + _generator.LevelAmount(i.Definition);
                _touchedBooks.Add(i);
            }
        }

        if (_generator.TradeNow())
        {
            var buy = _generator.BuySide();
            Execute(Synthetic(i, buy, MarketLimit(i, buy), _generator.TakerAmount(i.Definition), now, "immediate_or_cancel"), now);
        }
    }

    /// <summary>
    /// Keeps the synthetic market maker's ladder around the anchor: levels that fell out are pulled, missing ones
    /// are placed through the matching engine, so a ladder moving through a client's order fills it.
    /// </summary>
    private void RefreshSynthetic(InstrumentState i, long now)
    {
        var tick = i.Definition.TickSize;
        var bids = Enumerable.Range(0, MarketGenerator.Levels).Select(n => i.AnchorBid - (n * tick)).ToHashSet();
        var asks = Enumerable.Range(1, MarketGenerator.Levels).Select(n => i.AnchorBid + (n * tick)).ToHashSet();
        foreach (var stale in i.Book.All().Where(o => o.Owner is null && !(o.IsBuy ? bids : asks).Contains(o.Price)).ToList())
        {
            i.Book.Remove(stale);
            _touchedBooks.Add(i);
        }

        foreach (var (prices, buy) in new[] { (bids, true), (asks, false) })
        {
            foreach (var price in prices)
            {
                if (!i.Book.Side(buy).TryGetValue(price, out var level) || !level.Any(o => o.Owner is null))
                {
                    Execute(Synthetic(i, buy, price, _generator.LevelAmount(i.Definition), now, "good_til_cancelled"), now);
                }
            }
        }
    }

    private SimOrder Synthetic(InstrumentState i, bool buy, decimal price, decimal amount, long now, string tif) => new()
    {
        OrderId = "mm-" + (++_nextOrderId).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Instrument = i,
        IsBuy = buy,
        Price = price,
        Amount = amount,
        TimeInForce = tif,
        CreationTimestamp = now,
        LastUpdateTimestamp = now,
        Api = false,
    };

    private void PublishAggregated(InstrumentState i, long now)
    {
        if (i.Feed.CommitAggregated() is { } delta && !delta.Suppressed)
        {
            var change = BookFeed.Change(i.Name, now, delta);
            Publish($"book.{i.Name}.100ms", change);
            Publish($"book.{i.Name}.agg2", change);
        }

        foreach (var channel in _subscribers.Keys.Where(k => k.StartsWith("book." + i.Name + ".", StringComparison.Ordinal) && k.Count(ch => ch == '.') == 4).ToList())
        {
            Publish(channel, GroupedBook(i, channel.Split('.'), now));
        }

        if (i.LastTicker != (i.Feed.ChangeId, i.TradeSeq))
        {
            i.LastTicker = (i.Feed.ChangeId, i.TradeSeq);
            var ticker = Ticker(i, now);
            foreach (var interval in Intervals)
            {
                Publish($"ticker.{i.Name}.{interval}", ticker);
            }
        }

        if (i.PendingTrades.Count > 0)
        {
            var trades = new JsonArray(i.PendingTrades.Select(t => (JsonNode)t.DeepClone()).ToArray());
            foreach (var channel in AggregatedIntervals.SelectMany(n => Scoped("trades", i, n)))
            {
                Publish(channel, trades);
            }

            i.PendingTrades.Clear();
        }
    }

    /// <summary><c>book.{instrument}.{group}.{depth}.{interval}</c>: the full top-N, grouped, no <c>prev_change_id</c> (A.6.1).</summary>
    private static JsonObject GroupedBook(InstrumentState i, string[] parts, long now)
    {
        var group = parts[2] == "none" ? 0 : decimal.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
        var depth = int.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture);
        JsonArray Side(bool bids) => Pairs(i.Book.Levels(bids, int.MaxValue)
            .GroupBy(l => group == 0 ? l.Price : (bids ? Math.Floor(l.Price / group) : Math.Ceiling(l.Price / group)) * group)
            .Select(g => (g.Key, g.Sum(l => l.Amount))).Take(depth));
        return new JsonObject
        {
            ["timestamp"] = now,
            ["instrument_name"] = i.Name,
            ["change_id"] = i.Feed.ChangeId,
            ["bids"] = Side(bids: true),
            ["asks"] = Side(bids: false),
        };
    }
}
