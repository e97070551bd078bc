using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>The live state of one instrument: its book, feed, last trade and daily statistics.</summary>
internal sealed class InstrumentState(DeribitInstrument definition, long instrumentId, long firstChangeId)
{
    public DeribitInstrument Definition { get; } = definition;

    public string Name => Definition.Name;

    public string Currency => Definition.BaseCurrency;

    public string Kind => Definition.Kind;

    public string IndexName => Definition.BaseCurrency.ToLowerInvariant() + "_usd";

    public long InstrumentId { get; } = instrumentId;

    public OrderBook Book { get; } = new();

    public BookFeed Feed { get; } = new(firstChangeId);

    /// <summary>Where the synthetic market maker puts its best bid; the generator walks it.</summary>
    public decimal AnchorBid { get; set; }

    public decimal LastPrice { get; set; }

    public int LastTickDirection { get; set; }

    public long TradeSeq { get; set; }

    public decimal High { get; set; }

    public decimal Low { get; set; }

    public decimal OpenPrice { get; set; }

    public decimal Volume { get; set; }

    public decimal VolumeUsd { get; set; }

    /// <summary>Public trades since the last aggregated (<c>100ms</c>) publication.</summary>
    public List<JsonObject> PendingTrades { get; } = [];

    /// <summary>The change id and trade sequence the last ticker was published at, to skip unchanged tickers.</summary>
    public (long ChangeId, long TradeSeq) LastTicker { get; set; } = (-1, -1);

    public decimal? BestBid => Book.BestPrice(bids: true);

    public decimal? BestAsk => Book.BestPrice(bids: false);

    /// <summary>The mark: mid of the book when both sides exist, else the last trade.</summary>
    public decimal MarkPrice
    {
        get
        {
            var (bid, ask) = (BestBid, BestAsk);
            var mid = bid is { } b && ask is { } a ? (b + a) / 2 : bid ?? ask ?? LastPrice;
            return Math.Round(mid, 8);
        }
    }

    public void RecordTrade(decimal price, decimal amount)
    {
        LastTickDirection = price > LastPrice ? 0 : price < LastPrice ? 2 : LastTickDirection is 0 or 1 ? 1 : 3;
        LastPrice = price;
        High = Math.Max(High, price);
        Low = Low == 0 ? price : Math.Min(Low, price);
        Volume += Definition.IsOption ? amount : amount / price;
        VolumeUsd += Definition.IsOption ? amount * price * 1 : amount;
    }
}
