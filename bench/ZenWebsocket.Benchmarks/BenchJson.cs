using System.Text.Json.Serialization;
using ZenWebsocket.Binance;

namespace ZenWebsocket.Benchmarks;

/// <summary>
/// Source-generated metadata for the benchmarks. <see cref="BinanceTrade"/> is generated with the same options as the
/// library's internal <c>BinanceMarketJson</c> context (decimals read from strings), which the bench cannot reach.
/// </summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(BinanceTrade))]
[JsonSerializable(typeof(CombinedTradeWire))]
[JsonSerializable(typeof(DepthUpdateWire))]
internal sealed partial class BenchJson : JsonSerializerContext;
