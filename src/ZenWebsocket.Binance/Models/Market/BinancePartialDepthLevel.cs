using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>One price level of a partial depth snapshot, on the wire <c>["price","quantity"]</c>.</summary>
/// <param name="Price">The price.</param>
/// <param name="Quantity">The quantity at that price.</param>
[JsonConverter(typeof(BinancePartialDepthLevelConverter))]
public readonly record struct BinancePartialDepthLevel(decimal Price, decimal Quantity);
