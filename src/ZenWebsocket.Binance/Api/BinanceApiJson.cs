using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>Source-generated JSON metadata of the WebSocket API and user data types (trim- and AOT-safe). Binance
/// sends decimals as strings, which the number handling reads.</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(BinanceOrder))]
[JsonSerializable(typeof(IReadOnlyList<BinanceOrder>))]
[JsonSerializable(typeof(BinanceAccount))]
[JsonSerializable(typeof(BinanceSessionStatus))]
[JsonSerializable(typeof(BinanceServerTime))]
[JsonSerializable(typeof(BinanceErrorData))]
[JsonSerializable(typeof(BinanceSubscriptionId))]
[JsonSerializable(typeof(IReadOnlyList<BinanceRateLimit>))]
[JsonSerializable(typeof(BinanceExecutionReport))]
[JsonSerializable(typeof(BinanceAccountPositionUpdate))]
[JsonSerializable(typeof(BinanceBalanceUpdate))]
[JsonSerializable(typeof(BinanceUserDataTerminated))]
[JsonSerializable(typeof(BinanceOtherUserDataEvent))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class BinanceApiJson : JsonSerializerContext;
