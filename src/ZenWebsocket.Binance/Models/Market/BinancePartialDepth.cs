using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>The top levels of a book, <c>&lt;symbol&gt;@depth&lt;5|10|20&gt;[@100ms]</c> (B.4); no event fields.</summary>
public sealed record BinancePartialDepth
{
    /// <summary>Gets the last update id the snapshot includes, <c>lastUpdateId</c>.</summary>
    [JsonPropertyName("lastUpdateId")]
    public long LastUpdateId { get; init; }

    /// <summary>Gets the bids, best first.</summary>
    [JsonPropertyName("bids")]
    public IReadOnlyList<BinancePartialDepthLevel> Bids { get; init; } = [];

    /// <summary>Gets the asks, best first.</summary>
    [JsonPropertyName("asks")]
    public IReadOnlyList<BinancePartialDepthLevel> Asks { get; init; } = [];
}
