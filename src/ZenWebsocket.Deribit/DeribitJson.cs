using System.Text.Json.Serialization;

namespace ZenWebsocket.Deribit;

/// <summary>Source-generated JSON metadata of the Deribit wire types (snake_case, decimals as <see cref="decimal"/>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(DeribitAuthResult))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(DeribitTicker))]
[JsonSerializable(typeof(DeribitBookUpdate))]
[JsonSerializable(typeof(IReadOnlyList<DeribitTrade>))]
[JsonSerializable(typeof(DeribitOrder))]
[JsonSerializable(typeof(IReadOnlyList<DeribitOrder>))]
[JsonSerializable(typeof(IReadOnlyList<DeribitUserTrade>))]
[JsonSerializable(typeof(DeribitPortfolio))]
[JsonSerializable(typeof(DeribitOrderResult))]
[JsonSerializable(typeof(IReadOnlyList<DeribitPosition>))]
[JsonSerializable(typeof(DeribitPosition))]
internal sealed partial class DeribitJson : JsonSerializerContext;
