using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

// The REST wire shapes, read with source-generated metadata and mapped to the public records.

/// <summary>The error body of every Binance REST failure: <c>{"code":-1121,"msg":"Invalid symbol."}</c>.</summary>
internal sealed record BinanceErrorWire(long Code, string? Msg);

/// <summary><c>GET /api/v3/time</c>: <c>{"serverTime":1499827319559}</c>.</summary>
internal sealed record BinanceServerTimeWire(long ServerTime);

/// <summary><c>GET /api/v3/exchangeInfo</c>, the parts we read.</summary>
internal sealed record BinanceExchangeInfoWire(long ServerTime, IReadOnlyList<BinanceSymbolWire>? Symbols);

/// <summary>One symbol of exchange info.</summary>
internal sealed record BinanceSymbolWire(string Symbol, string? Status, string? BaseAsset, string? QuoteAsset, IReadOnlyList<BinanceFilterWire>? Filters);

/// <summary>One filter; only the fields of the filters we read.</summary>
internal sealed record BinanceFilterWire(string? FilterType, decimal? TickSize, decimal? StepSize, decimal? MinQty, decimal? MinNotional);

/// <summary>Source-generated JSON metadata of the REST wire shapes (camelCase, decimals from strings).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(BinanceErrorWire))]
[JsonSerializable(typeof(BinanceServerTimeWire))]
[JsonSerializable(typeof(BinanceExchangeInfoWire))]
internal sealed partial class BinanceRestJson : JsonSerializerContext;
