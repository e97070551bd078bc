using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>The best bid and ask of <c>&lt;symbol&gt;@bookTicker</c> (B.4); this stream has no event type or time.</summary>
public sealed record BinanceBookTicker
{
    /// <summary>Gets the order book update id, <c>u</c>.</summary>
    [JsonPropertyName("u")]
    public long UpdateId { get; init; }

    /// <summary>Gets the symbol, <c>s</c>.</summary>
    [JsonPropertyName("s")]
    public string Symbol { get; init; } = "";

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
}
