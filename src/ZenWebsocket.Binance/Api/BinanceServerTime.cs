using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>The result of <c>time</c>.</summary>
internal sealed record BinanceServerTime([property: JsonPropertyName("serverTime")] long ServerTime);
