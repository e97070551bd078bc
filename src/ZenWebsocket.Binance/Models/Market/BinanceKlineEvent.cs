using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>An event of <c>&lt;symbol&gt;@kline_&lt;interval&gt;</c>: the current state of a candle.</summary>
public sealed record BinanceKlineEvent
{
    /// <summary>Gets the event time (ms), <c>E</c>.</summary>
    [JsonPropertyName("E")]
    public long EventTime { get; init; }

    /// <summary>Gets the symbol, <c>s</c>.</summary>
    [JsonPropertyName("s")]
    public string Symbol { get; init; } = "";

    /// <summary>Gets the candle, <c>k</c>.</summary>
    [JsonPropertyName("k")]
    public BinanceKline Kline { get; init; } = new();
}
