using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>Source-generated JSON metadata of the market-stream payloads (decimals arrive as strings).</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(BinanceTrade))]
[JsonSerializable(typeof(BinanceAggTrade))]
[JsonSerializable(typeof(BinanceBookTicker))]
[JsonSerializable(typeof(BinanceKlineEvent))]
[JsonSerializable(typeof(BinanceTicker))]
[JsonSerializable(typeof(BinancePartialDepth))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class BinanceMarketJson : JsonSerializerContext;
