using System.Text.Json;

namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>
/// One symbol's book, update ids, trades and statistics. Every change to the book takes the next update id, so a
/// snapshot taken under <see cref="Gate"/> is the book at exactly its <c>lastUpdateId</c>.
/// </summary>
internal sealed class SymbolMarket
{
    private const int HistoryDepth = 32;
    private const int MaxLevels = 70;
    private const int MinLevels = 30;

    // The touch stays 1..MaxHalfSpreadTicks ticks from the mid: a spread of 2..2 x MaxHalfSpreadTicks ticks.
    private const int MaxHalfSpreadTicks = 5;

    // The first ticks behind each touch always hold a level, as in a liquid book; holes appear only deeper.
    private const int DenseTicks = 8;
    private static readonly int[] PartialLevels = [5, 10, 20];
    private static readonly Comparer<decimal> Descending = Comparer<decimal>.Create((a, b) => b.CompareTo(a));

    private readonly SortedDictionary<decimal, decimal> _bids = new(Descending);
    private readonly SortedDictionary<decimal, decimal> _asks = new();
    private readonly Dictionary<decimal, decimal> _windowBids = [];
    private readonly Dictionary<decimal, decimal> _windowAsks = [];
    private readonly Queue<DepthSnapshot> _history = new();
    private readonly decimal _tick;
    private readonly string _prefix;
    private long _windowFirstId;
    private long _lastWindowFirstId;
    private bool _gapPending;
    private long _nextTradeId = 1;
    private long _nextAggId = 1;
    private decimal? _topBid;
    private decimal? _topAsk;

    // The mid price in ticks: it random-walks one tick at a time and the book follows it.
    private long _mid;

    // 24 h ticker (everything printed since start) and 1 m kline statistics.
    private readonly Candle _day;
    private decimal _lastQty;
    private Candle _kline;

    public SymbolMarket(BinanceSimSymbol symbol, MarketRandom random, long nowMs)
    {
        Symbol = symbol;
        _prefix = symbol.Symbol.ToLowerInvariant() + "@";
        _tick = symbol.TickSize;

        // Keep the mid far enough above zero that a whole side of bids fits below it.
        _mid = Math.Max(MaxLevels + (2L * MaxHalfSpreadTicks), (long)Math.Round(symbol.InitialPrice / _tick));
        var mid = Price(_mid);
        for (var i = 1; i <= 50; i++)
        {
            _bids[Price(_mid - i)] = RandomQuantity(random);
            _asks[Price(_mid + i)] = RandomQuantity(random);
        }

        LastUpdateId = random.FirstUpdateId();
        _day = new Candle(nowMs, mid);
        _kline = new Candle(MinuteStart(nowMs), mid);
        (_topBid, _topAsk) = (First(_bids), First(_asks));
        _history.Enqueue(Snapshot(5000));
    }

    public Lock Gate { get; } = new();

    public BinanceSimSymbol Symbol { get; }

    /// <summary>Gets the last applied (and published) update id.</summary>
    public long LastUpdateId { get; private set; }

    public void InjectGap()
    {
        lock (Gate)
        {
            _gapPending = true;
        }
    }

    public bool TryGetTop(out decimal bid, out decimal ask)
    {
        lock (Gate)
        {
            bid = First(_bids) ?? 0;
            ask = First(_asks) ?? 0;
            return _bids.Count > 0 && _asks.Count > 0;
        }
    }

    /// <summary>The book at the last applied id; <paramref name="stale"/> gives an older one, below what a fresh subscriber buffers.</summary>
    public DepthSnapshot GetSnapshot(int limit, bool stale)
    {
        lock (Gate)
        {
            if (!stale)
            {
                return Snapshot(limit);
            }

            // Older than anything a recent subscriber can have buffered first: the next @100ms event starts at
            // LastUpdateId + 1, @depth events at the start of the open or the last completed window. So
            // lastUpdateId + 1 < U for all of them.
            var nextU = LastUpdateId + 1;
            foreach (var windowStart in new[] { _windowFirstId, _lastWindowFirstId })
            {
                if (windowStart > 0)
                {
                    nextU = Math.Min(nextU, windowStart);
                }
            }

            var old = _history.FirstOrDefault(s => s.LastUpdateId + 1 < nextU);
            var basis = old ?? Snapshot(limit) with { LastUpdateId = nextU - 2 };
            return basis with { Bids = [.. basis.Bids.Take(limit)], Asks = [.. basis.Asks.Take(limit)] };
        }
    }

    /// <summary>
    /// One generator step: the mid moves by at most a tick, maybe a trade at the touch, one to three level changes,
    /// the book follows the mid (<see cref="FollowMid"/>), then the events of the subscribed streams.
    /// </summary>
    public void Step(MarketRandom random, IStreamSink sink, long nowMs, bool slowTick)
    {
        lock (Gate)
        {
            var gap = _gapPending;
            if (gap)
            {
                // The ids in between are never published: U > previous u + 1 for every diff subscriber.
                LastUpdateId += random.GapSize();
                _gapPending = false;
            }

            var first = LastUpdateId + 1;
            var changes = new List<(bool Bid, decimal Price, decimal Quantity)>();
            _mid = Math.Max(MaxLevels + (2L * MaxHalfSpreadTicks), _mid + random.MidStep());
            if (random.TradeNow())
            {
                Trade(random, sink, nowMs, changes);
            }

            var count = random.ChangeCount();
            for (var i = 0; i < count; i++)
            {
                ChangeLevel(random, changes);
            }

            FollowMid(random, changes, bid: true);
            FollowMid(random, changes, bid: false);

            PublishDiff(sink, "depth@100ms", first, LastUpdateId, nowMs, changes.Where(c => c.Bid).Select(c => new PriceLevel(c.Price, c.Quantity)), changes.Where(c => !c.Bid).Select(c => new PriceLevel(c.Price, c.Quantity)));
            if (gap)
            {
                // The 1000 ms stream loses the window the gap fell into, so it shows the gap too.
                _windowBids.Clear();
                _windowAsks.Clear();
                _windowFirstId = 0;
            }

            if (_windowFirstId == 0)
            {
                _windowFirstId = first;
            }

            foreach (var change in changes)
            {
                (change.Bid ? _windowBids : _windowAsks)[change.Price] = change.Quantity;
            }

            foreach (var levels in PartialLevels)
            {
                PublishPartial(sink, "depth" + levels + "@100ms", levels);
            }

            PublishBookTicker(sink);
            if (slowTick)
            {
                PublishDiff(sink, "depth", _windowFirstId, LastUpdateId, nowMs, Levels(_windowBids, descending: true), Levels(_windowAsks, descending: false));
                _lastWindowFirstId = _windowFirstId;
                _windowBids.Clear();
                _windowAsks.Clear();
                _windowFirstId = 0;
                foreach (var levels in PartialLevels)
                {
                    PublishPartial(sink, "depth" + levels, levels);
                }

                PublishKline(sink, nowMs);
                PublishTicker(sink, nowMs);
            }

            _history.Enqueue(Snapshot(5000));
            while (_history.Count > HistoryDepth)
            {
                _history.Dequeue();
            }
        }
    }

    private static IEnumerable<PriceLevel> Levels(Dictionary<decimal, decimal> window, bool descending) =>
        (descending ? window.OrderByDescending(p => p.Key) : window.OrderBy(p => p.Key)).Select(p => new PriceLevel(p.Key, p.Value));

    private static decimal? First(SortedDictionary<decimal, decimal> side) => side.Count == 0 ? null : side.First().Key;

    private static long MinuteStart(long ms) => ms - (ms % 60_000);

    private DepthSnapshot Snapshot(int limit) => new(
        LastUpdateId,
        [.. _bids.Take(limit).Select(p => new PriceLevel(p.Key, p.Value))],
        [.. _asks.Take(limit).Select(p => new PriceLevel(p.Key, p.Value))]);

    private decimal RandomQuantity(MarketRandom random) => Symbol.StepSize * random.QuantitySteps();

    private void Apply(bool bid, decimal price, decimal quantity, List<(bool, decimal, decimal)> changes)
    {
        var side = bid ? _bids : _asks;
        if (quantity == 0)
        {
            side.Remove(price);
        }
        else
        {
            side[price] = quantity;
        }

        LastUpdateId++;
        changes.Add((bid, price, quantity));
    }

    private decimal Price(long ticks) => ticks * _tick;

    private long Ticks(decimal price) => (long)Math.Round(price / _tick);

    private void ChangeLevel(MarketRandom random, List<(bool, decimal, decimal)> changes)
    {
        var bid = random.Coin();
        var side = bid ? _bids : _asks;
        if (side.Count > MaxLevels)
        {
            Apply(bid, side.Last().Key, 0, changes);
            return;
        }

        var action = random.Action();
        if (action < 6 && side.Count > 0)
        {
            Apply(bid, side.Keys.ElementAt(random.Index(Math.Min(20, side.Count))), RandomQuantity(random), changes);
            return;
        }

        if (action < 8 && side.Count > MinLevels)
        {
            Apply(bid, side.Keys.ElementAt(random.Index(Math.Min(20, side.Count))), 0, changes);
            return;
        }

        // A new level near the top of its side, on the tick grid, never on the far side of the mid.
        var direction = bid ? -1 : 1;
        var anchor = First(side) is { } top ? Ticks(top) : _mid + direction;
        var ticks = anchor + (direction * random.Offset());
        if (bid ? ticks >= _mid : ticks <= _mid)
        {
            ticks = Ticks(side.Count > 0 ? side.Last().Key : Price(_mid)) + direction;
        }

        if (ticks <= 0)
        {
            return;
        }

        Apply(bid, Price(ticks), RandomQuantity(random), changes);
    }

    /// <summary>
    /// Keeps one side around the mid: levels the mid walked past leave (as if traded away), a touch that fell more
    /// than <see cref="MaxHalfSpreadTicks"/> from the mid is refilled with contiguous levels up to near the mid, holes
    /// within <see cref="DenseTicks"/> of the touch are filled, and a side that got thin grows at its far end. Every change takes an update id like any other.
    /// </summary>
    private void FollowMid(MarketRandom random, List<(bool, decimal, decimal)> changes, bool bid)
    {
        var side = bid ? _bids : _asks;
        var direction = bid ? -1 : 1;
        while (side.Count > 0 && (bid ? Ticks(side.First().Key) >= _mid : Ticks(side.First().Key) <= _mid))
        {
            Apply(bid, side.First().Key, 0, changes);
        }

        var farthestTouch = _mid + (direction * MaxHalfSpreadTicks);
        if (First(side) is not { } touch || (bid ? Ticks(touch) < farthestTouch : Ticks(touch) > farthestTouch))
        {
            var newTouch = _mid + (direction * (1 + random.Index(MaxHalfSpreadTicks)));
            var stop = First(side) is { } old ? Ticks(old) : newTouch + (direction * MinLevels);
            for (var ticks = newTouch; ticks != stop && ticks > 0; ticks += direction)
            {
                Apply(bid, Price(ticks), RandomQuantity(random), changes);
            }
        }

        if (First(side) is { } best)
        {
            for (var i = 1; i < DenseTicks; i++)
            {
                // A level changed already in this step waits for the next, so one event names each price once.
                var price = Price(Ticks(best) + (direction * i));
                if (price > 0 && !side.ContainsKey(price) && !changes.Exists(c => c.Item1 == bid && c.Item2 == price))
                {
                    Apply(bid, price, RandomQuantity(random), changes);
                }
            }
        }

        while (side.Count < MinLevels && Ticks(side.Last().Key) + direction > 0)
        {
            Apply(bid, Price(Ticks(side.Last().Key) + direction), RandomQuantity(random), changes);
        }
    }

    private void Trade(MarketRandom random, IStreamSink sink, long nowMs, List<(bool, decimal, decimal)> changes)
    {
        var takerBuys = random.Coin();
        var side = takerBuys ? _asks : _bids;
        if (side.Count <= MinLevels / 2)
        {
            return;
        }

        var (price, available) = side.First();
        var quantity = Math.Min(available, Symbol.StepSize * random.TradeSteps());
        Apply(!takerBuys, price, available - quantity, changes);

        var tradeId = _nextTradeId++;
        var aggId = _nextAggId++;
        _day.Add(tradeId, price, quantity, takerBuys);
        _lastQty = quantity;
        if (MinuteStart(nowMs) != _kline.Start)
        {
            _kline = new Candle(MinuteStart(nowMs), _kline.Close);
        }

        _kline.Add(tradeId, price, quantity, takerBuys);

        // m: the buyer is the maker, i.e. the taker sold.
        PublishTrade(sink, "trade", nowMs, tradeId, tradeId, price, quantity, buyerIsMaker: !takerBuys);
        PublishTrade(sink, "aggTrade", nowMs, aggId, tradeId, price, quantity, buyerIsMaker: !takerBuys);
    }

    /// <summary>
    /// One print as a <c>trade</c> event (id <c>t</c>) or an <c>aggTrade</c> event (id <c>a</c>, covering trades
    /// <c>f</c>..<c>l</c>, here always the one trade).
    /// </summary>
    private void PublishTrade(IStreamSink sink, string kind, long nowMs, long id, long tradeId, decimal price, decimal quantity, bool buyerIsMaker)
    {
        var stream = _prefix + kind;
        if (!sink.HasSubscribers(stream))
        {
            return;
        }

        var aggregate = kind == "aggTrade";
        sink.Publish(stream, MarketJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("e", kind);
            w.WriteNumber("E", nowMs);
            w.WriteString("s", Symbol.Symbol);
            w.WriteNumber(aggregate ? "a" : "t", id);
            w.WriteString("p", MarketJson.Decimal(price));
            w.WriteString("q", MarketJson.Decimal(quantity));
            if (aggregate)
            {
                w.WriteNumber("f", tradeId);
                w.WriteNumber("l", tradeId);
            }

            w.WriteNumber("T", nowMs);
            w.WriteBoolean("m", buyerIsMaker);
            w.WriteBoolean("M", true);
            w.WriteEndObject();
        }));
    }

    private void PublishDiff(IStreamSink sink, string suffix, long first, long last, long nowMs, IEnumerable<PriceLevel> bids, IEnumerable<PriceLevel> asks)
    {
        var stream = _prefix + suffix;
        if (first == 0 || first > last || !sink.HasSubscribers(stream))
        {
            return;
        }

        sink.Publish(stream, MarketJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("e", "depthUpdate");
            w.WriteNumber("E", nowMs);
            w.WriteString("s", Symbol.Symbol);
            w.WriteNumber("U", first);
            w.WriteNumber("u", last);
            MarketJson.WriteLevels(w, "b", bids);
            MarketJson.WriteLevels(w, "a", asks);
            w.WriteEndObject();
        }));
    }

    private void PublishPartial(IStreamSink sink, string suffix, int levels)
    {
        var stream = _prefix + suffix;
        if (sink.HasSubscribers(stream))
        {
            var snapshot = Snapshot(levels);
            sink.Publish(stream, MarketJson.Write(w => MarketJson.WriteSnapshot(w, snapshot)));
        }
    }

    private void PublishBookTicker(IStreamSink sink)
    {
        var (bid, ask) = (First(_bids), First(_asks));
        var bidQty = bid is { } b ? _bids[b] : 0;
        var askQty = ask is { } a ? _asks[a] : 0;
        var moved = bid != _topBid || ask != _topAsk;
        (_topBid, _topAsk) = (bid, ask);
        var stream = _prefix + "bookTicker";
        if (!moved || !sink.HasSubscribers(stream))
        {
            return;
        }

        sink.Publish(stream, MarketJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("u", LastUpdateId);
            w.WriteString("s", Symbol.Symbol);
            w.WriteString("b", MarketJson.Decimal(bid ?? 0));
            w.WriteString("B", MarketJson.Decimal(bidQty));
            w.WriteString("a", MarketJson.Decimal(ask ?? 0));
            w.WriteString("A", MarketJson.Decimal(askQty));
            w.WriteEndObject();
        }));
    }

    private void PublishKline(IStreamSink sink, long nowMs)
    {
        var stream = _prefix + "kline_1m";
        if (!sink.HasSubscribers(stream))
        {
            return;
        }

        if (MinuteStart(nowMs) != _kline.Start)
        {
            _kline = new Candle(MinuteStart(nowMs), _kline.Close);
        }

        var k = _kline;
        sink.Publish(stream, MarketJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("e", "kline");
            w.WriteNumber("E", nowMs);
            w.WriteString("s", Symbol.Symbol);
            w.WriteStartObject("k");
            w.WriteNumber("t", k.Start);
            w.WriteNumber("T", k.Start + 59_999);
            w.WriteString("s", Symbol.Symbol);
            w.WriteString("i", "1m");
            w.WriteNumber("f", k.FirstTradeId);
            w.WriteNumber("L", k.LastTradeId);
            w.WriteString("o", MarketJson.Decimal(k.Open));
            w.WriteString("c", MarketJson.Decimal(k.Close));
            w.WriteString("h", MarketJson.Decimal(k.High));
            w.WriteString("l", MarketJson.Decimal(k.Low));
            w.WriteString("v", MarketJson.Decimal(k.Volume));
            w.WriteNumber("n", k.Trades);
            w.WriteBoolean("x", false);
            w.WriteString("q", MarketJson.Decimal(k.QuoteVolume));
            w.WriteString("V", MarketJson.Decimal(k.TakerBuyVolume));
            w.WriteString("Q", MarketJson.Decimal(k.TakerBuyQuoteVolume));
            w.WriteString("B", "0");
            w.WriteEndObject();
            w.WriteEndObject();
        }));
    }

    private void PublishTicker(IStreamSink sink, long nowMs)
    {
        var stream = _prefix + "ticker";
        if (!sink.HasSubscribers(stream))
        {
            return;
        }

        var (bid, ask) = (First(_bids) ?? 0, First(_asks) ?? 0);
        var day = _day;
        var change = day.Close - day.Open;
        sink.Publish(stream, MarketJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("e", "24hrTicker");
            w.WriteNumber("E", nowMs);
            w.WriteString("s", Symbol.Symbol);
            w.WriteString("p", MarketJson.Decimal(change));
            w.WriteString("P", (change / day.Open * 100m).ToString("F2", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("w", MarketJson.Decimal(day.Volume == 0 ? day.Close : Math.Round(day.QuoteVolume / day.Volume, 8)));
            w.WriteString("x", MarketJson.Decimal(day.Open));
            w.WriteString("c", MarketJson.Decimal(day.Close));
            w.WriteString("Q", MarketJson.Decimal(_lastQty));
            w.WriteString("b", MarketJson.Decimal(bid));
            w.WriteString("B", MarketJson.Decimal(bid == 0 ? 0 : _bids[bid]));
            w.WriteString("a", MarketJson.Decimal(ask));
            w.WriteString("A", MarketJson.Decimal(ask == 0 ? 0 : _asks[ask]));
            w.WriteString("o", MarketJson.Decimal(day.Open));
            w.WriteString("h", MarketJson.Decimal(day.High));
            w.WriteString("l", MarketJson.Decimal(day.Low));
            w.WriteString("v", MarketJson.Decimal(day.Volume));
            w.WriteString("q", MarketJson.Decimal(day.QuoteVolume));
            w.WriteNumber("O", Math.Max(day.Start, nowMs - 86_400_000));
            w.WriteNumber("C", nowMs);
            w.WriteNumber("F", day.FirstTradeId < 0 ? 0 : day.FirstTradeId);
            w.WriteNumber("L", day.LastTradeId < 0 ? 0 : day.LastTradeId);
            w.WriteNumber("n", day.Trades);
            w.WriteEndObject();
        }));
    }

    /// <summary>A running candle: the 1-minute kline, or the whole run since start for the 24 h ticker.</summary>
    private sealed class Candle(long start, decimal open)
    {
        public long Start { get; } = start;

        public decimal Open { get; } = open;

        public decimal Close { get; private set; } = open;

        public decimal High { get; private set; } = open;

        public decimal Low { get; private set; } = open;

        public decimal Volume { get; private set; }

        public decimal QuoteVolume { get; private set; }

        public decimal TakerBuyVolume { get; private set; }

        public decimal TakerBuyQuoteVolume { get; private set; }

        public long FirstTradeId { get; private set; } = -1;

        public long LastTradeId { get; private set; } = -1;

        public long Trades { get; private set; }

        public void Add(long tradeId, decimal price, decimal quantity, bool takerBuys)
        {
            if (FirstTradeId < 0)
            {
                FirstTradeId = tradeId;
            }

            LastTradeId = tradeId;
            Close = price;
            High = Math.Max(High, price);
            Low = Math.Min(Low, price);
            Volume += quantity;
            QuoteVolume += price * quantity;
            Trades++;
            if (takerBuys)
            {
                TakerBuyVolume += quantity;
                TakerBuyQuoteVolume += price * quantity;
            }
        }
    }
}
