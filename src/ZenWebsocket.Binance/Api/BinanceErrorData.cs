using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>The <c>error.data</c> of a 429 or 418 answer (B.8).</summary>
internal sealed record BinanceErrorData(
    [property: JsonPropertyName("serverTime")] long? ServerTime,
    [property: JsonPropertyName("retryAfter")] long? RetryAfter);
