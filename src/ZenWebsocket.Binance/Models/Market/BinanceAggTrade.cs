using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>An aggregate trade of <c>&lt;symbol&gt;@aggTrade</c> (B.4): the fills of one taker order at one price.</summary>
public sealed record BinanceAggTrade
{
    /// <summary>Gets the event time (ms), <c>E</c>.</summary>
    [JsonPropertyName("E")]
    public long EventTime { get; init; }

    /// <summary>Gets the symbol, <c>s</c>.</summary>
    [JsonPropertyName("s")]
    public string Symbol { get; init; } = "";

    /// <summary>Gets the aggregate trade id, <c>a</c>.</summary>
    [JsonPropertyName("a")]
    public long AggregateTradeId { get; init; }

    /// <summary>Gets the price, <c>p</c>.</summary>
    [JsonPropertyName("p")]
    public decimal Price { get; init; }

    /// <summary>Gets the quantity, <c>q</c>.</summary>
    [JsonPropertyName("q")]
    public decimal Quantity { get; init; }

    /// <summary>Gets the first trade id, <c>f</c>.</summary>
    [JsonPropertyName("f")]
    public long FirstTradeId { get; init; }

    /// <summary>Gets the last trade id, <c>l</c>.</summary>
    [JsonPropertyName("l")]
    public long LastTradeId { get; init; }

    /// <summary>Gets the trade time (ms), <c>T</c>.</summary>
    [JsonPropertyName("T")]
    public long TradeTime { get; init; }

    /// <summary>Gets whether the buyer was the maker, <c>m</c>.</summary>
    [JsonPropertyName("m")]
    public bool BuyerIsMaker { get; init; }
}
