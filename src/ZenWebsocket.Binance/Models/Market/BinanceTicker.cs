using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>The rolling 24 hour statistics of <c>&lt;symbol&gt;@ticker</c> (event <c>24hrTicker</c>, B.4).</summary>
public sealed record BinanceTicker
{
    /// <summary>Gets the event time (ms), <c>E</c>.</summary>
    [JsonPropertyName("E")]
    public long EventTime { get; init; }

    /// <summary>Gets the symbol, <c>s</c>.</summary>
    [JsonPropertyName("s")]
    public string Symbol { get; init; } = "";

    /// <summary>Gets the price change, <c>p</c>.</summary>
    [JsonPropertyName("p")]
    public decimal PriceChange { get; init; }

    /// <summary>Gets the price change in percent, <c>P</c>.</summary>
    [JsonPropertyName("P")]
    public decimal PriceChangePercent { get; init; }

    /// <summary>Gets the weighted average price, <c>w</c>.</summary>
    [JsonPropertyName("w")]
    public decimal WeightedAveragePrice { get; init; }

    /// <summary>Gets the last price, <c>c</c>.</summary>
    [JsonPropertyName("c")]
    public decimal LastPrice { get; init; }

    /// <summary>Gets the last quantity, <c>Q</c>.</summary>
    [JsonPropertyName("Q")]
    public decimal LastQuantity { get; init; }

    /// <summary>Gets the best bid price, <c>b</c>.</summary>
    [JsonPropertyName("b")]
    public decimal BidPrice { get; init; }

    /// <summary>Gets the best bid quantity, <c>B</c>.</summary>
    [JsonPropertyName("B")]
    public decimal BidQuantity { get; init; }

    /// <summary>Gets the best ask price, <c>a</c>.</summary>
    [JsonPropertyName("a")]
    public decimal AskPrice { get; init; }

    /// <summary>Gets the best ask quantity, <c>A</c>.</summary>
    [JsonPropertyName("A")]
    public decimal AskQuantity { get; init; }

    /// <summary>Gets the open price, <c>o</c>.</summary>
    [JsonPropertyName("o")]
    public decimal OpenPrice { get; init; }

    /// <summary>Gets the high price, <c>h</c>.</summary>
    [JsonPropertyName("h")]
    public decimal HighPrice { get; init; }

    /// <summary>Gets the low price, <c>l</c>.</summary>
    [JsonPropertyName("l")]
    public decimal LowPrice { get; init; }

    /// <summary>Gets the base asset volume, <c>v</c>.</summary>
    [JsonPropertyName("v")]
    public decimal Volume { get; init; }

    /// <summary>Gets the quote asset volume, <c>q</c>.</summary>
    [JsonPropertyName("q")]
    public decimal QuoteVolume { get; init; }

    /// <summary>Gets the statistics open time (ms), <c>O</c>.</summary>
    [JsonPropertyName("O")]
    public long OpenTime { get; init; }

    /// <summary>Gets the statistics close time (ms), <c>C</c>.</summary>
    [JsonPropertyName("C")]
    public long CloseTime { get; init; }

    /// <summary>Gets the first trade id, <c>F</c>.</summary>
    [JsonPropertyName("F")]
    public long FirstTradeId { get; init; }

    /// <summary>Gets the last trade id, <c>L</c>.</summary>
    [JsonPropertyName("L")]
    public long LastTradeId { get; init; }

    /// <summary>Gets the number of trades, <c>n</c>.</summary>
    [JsonPropertyName("n")]
    public long TradeCount { get; init; }
}
