using System.Text.Json.Serialization;
using ZenWebsocket.Binance;

namespace ZenWebsocket.Benchmarks;

/// <summary>A combined-stream trade frame as one serializer target (a baseline of <see cref="BinanceStreamRoutingBenchmarks"/>).</summary>
public sealed class CombinedTradeWire
{
    [JsonPropertyName("stream")]
    public string Stream { get; set; } = "";

    [JsonPropertyName("data")]
    public BinanceTrade? Data { get; set; }
}
