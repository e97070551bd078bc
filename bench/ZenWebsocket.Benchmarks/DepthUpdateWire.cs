using System.Text.Json.Serialization;

namespace ZenWebsocket.Benchmarks;

/// <summary>A <c>depthUpdate</c> as a plain serializer target (the baseline of <see cref="BinanceDepthBenchmarks"/>).</summary>
public sealed class DepthUpdateWire
{
    [JsonPropertyName("s")]
    public string Symbol { get; set; } = "";

    [JsonPropertyName("E")]
    public long EventTime { get; set; }

    [JsonPropertyName("U")]
    public long FirstUpdateId { get; set; }

    [JsonPropertyName("u")]
    public long FinalUpdateId { get; set; }

    [JsonPropertyName("b")]
    public string[][] Bids { get; set; } = [];

    [JsonPropertyName("a")]
    public string[][] Asks { get; set; } = [];
}
