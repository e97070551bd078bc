using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>A trade of <c>&lt;symbol&gt;@trade</c> (B.4).</summary>
public sealed record BinanceTrade
{
    /// <summary>Gets the event time (ms since the Unix epoch), <c>E</c>.</summary>
    [JsonPropertyName("E")]
    public long EventTime { get; init; }

    /// <summary>Gets the symbol, <c>s</c>.</summary>
    [JsonPropertyName("s")]
    public string Symbol { get; init; } = "";

    /// <summary>Gets the trade id, <c>t</c> (increasing per symbol).</summary>
    [JsonPropertyName("t")]
    public long TradeId { get; init; }

    /// <summary>Gets the price, <c>p</c>.</summary>
    [JsonPropertyName("p")]
    public decimal Price { get; init; }

    /// <summary>Gets the quantity, <c>q</c>.</summary>
    [JsonPropertyName("q")]
    public decimal Quantity { get; init; }

    /// <summary>Gets the trade time (ms), <c>T</c>.</summary>
    [JsonPropertyName("T")]
    public long TradeTime { get; init; }

    /// <summary>Gets whether the buyer was the maker (so the taker sold), <c>m</c>.</summary>
    [JsonPropertyName("m")]
    public bool BuyerIsMaker { get; init; }
}
