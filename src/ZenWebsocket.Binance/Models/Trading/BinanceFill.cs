using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>One immediate fill of a placed order (FULL responses).</summary>
public sealed record BinanceFill
{
    /// <summary>Gets the fill price.</summary>
    [JsonPropertyName("price")]
    public decimal Price { get; init; }

    /// <summary>Gets the filled quantity.</summary>
    [JsonPropertyName("qty")]
    public decimal Quantity { get; init; }

    /// <summary>Gets the commission.</summary>
    [JsonPropertyName("commission")]
    public decimal Commission { get; init; }

    /// <summary>Gets the commission asset.</summary>
    [JsonPropertyName("commissionAsset")]
    public string? CommissionAsset { get; init; }

    /// <summary>Gets the trade id.</summary>
    [JsonPropertyName("tradeId")]
    public long TradeId { get; init; }
}
