using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>One asset in an <c>outboundAccountPosition</c> event.</summary>
public sealed record BinanceAssetBalance
{
    /// <summary>Gets the asset (<c>a</c>).</summary>
    [JsonPropertyName("a")]
    public string Asset { get; init; } = "";

    /// <summary>Gets the free amount (<c>f</c>).</summary>
    [JsonPropertyName("f")]
    public decimal Free { get; init; }

    /// <summary>Gets the locked amount (<c>l</c>).</summary>
    [JsonPropertyName("l")]
    public decimal Locked { get; init; }
}
