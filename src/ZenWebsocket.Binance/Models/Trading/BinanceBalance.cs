using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>One asset's balance in <c>account.status</c>.</summary>
public sealed record BinanceBalance
{
    /// <summary>Gets the asset, e.g. <c>USDT</c>.</summary>
    [JsonPropertyName("asset")]
    public string Asset { get; init; } = "";

    /// <summary>Gets the free amount.</summary>
    [JsonPropertyName("free")]
    public decimal Free { get; init; }

    /// <summary>Gets the amount locked in open orders.</summary>
    [JsonPropertyName("locked")]
    public decimal Locked { get; init; }
}
