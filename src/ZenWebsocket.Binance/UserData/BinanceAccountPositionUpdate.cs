using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>An <c>outboundAccountPosition</c> event: the balances that changed (B.6.4, B.7).</summary>
public sealed record BinanceAccountPositionUpdate : BinanceUserDataEvent
{
    /// <summary>Gets the time of the last account update (<c>u</c>), ms since the Unix epoch.</summary>
    [JsonPropertyName("u")]
    public long LastUpdateTime { get; init; }

    /// <summary>Gets the changed balances (<c>B</c>).</summary>
    [JsonPropertyName("B")]
    public IReadOnlyList<BinanceAssetBalance> Balances { get; init; } = [];
}
