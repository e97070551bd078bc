using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>One candlestick, the <c>k</c> of a <c>&lt;symbol&gt;@kline_&lt;interval&gt;</c> event.</summary>
public sealed record BinanceKline
{
    /// <summary>Gets the open time (ms), <c>t</c>.</summary>
    [JsonPropertyName("t")]
    public long OpenTime { get; init; }

    /// <summary>Gets the close time (ms), <c>T</c>.</summary>
    [JsonPropertyName("T")]
    public long CloseTime { get; init; }

    /// <summary>Gets the symbol, <c>s</c>.</summary>
    [JsonPropertyName("s")]
    public string Symbol { get; init; } = "";

    /// <summary>Gets the interval, <c>i</c> (e.g. <c>1m</c>).</summary>
    [JsonPropertyName("i")]
    public string Interval { get; init; } = "";

    /// <summary>Gets the first trade id, <c>f</c>.</summary>
    [JsonPropertyName("f")]
    public long FirstTradeId { get; init; }

    /// <summary>Gets the last trade id, <c>L</c>.</summary>
    [JsonPropertyName("L")]
    public long LastTradeId { get; init; }

    /// <summary>Gets the open price, <c>o</c>.</summary>
    [JsonPropertyName("o")]
    public decimal Open { get; init; }

    /// <summary>Gets the close (last) price, <c>c</c>.</summary>
    [JsonPropertyName("c")]
    public decimal Close { get; init; }

    /// <summary>Gets the high price, <c>h</c>.</summary>
    [JsonPropertyName("h")]
    public decimal High { get; init; }

    /// <summary>Gets the low price, <c>l</c>.</summary>
    [JsonPropertyName("l")]
    public decimal Low { get; init; }

    /// <summary>Gets the base asset volume, <c>v</c>.</summary>
    [JsonPropertyName("v")]
    public decimal Volume { get; init; }

    /// <summary>Gets the number of trades, <c>n</c>.</summary>
    [JsonPropertyName("n")]
    public long TradeCount { get; init; }

    /// <summary>Gets whether the candle is closed, <c>x</c>.</summary>
    [JsonPropertyName("x")]
    public bool IsClosed { get; init; }

    /// <summary>Gets the quote asset volume, <c>q</c>.</summary>
    [JsonPropertyName("q")]
    public decimal QuoteVolume { get; init; }

    /// <summary>Gets the taker buy base asset volume, <c>V</c>.</summary>
    [JsonPropertyName("V")]
    public decimal TakerBuyVolume { get; init; }

    /// <summary>Gets the taker buy quote asset volume, <c>Q</c>.</summary>
    [JsonPropertyName("Q")]
    public decimal TakerBuyQuoteVolume { get; init; }
}
