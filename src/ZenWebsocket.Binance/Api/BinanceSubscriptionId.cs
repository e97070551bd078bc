using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>The result of <c>userDataStream.subscribe</c>.</summary>
internal sealed record BinanceSubscriptionId([property: JsonPropertyName("subscriptionId")] long SubscriptionId);
