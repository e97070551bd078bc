using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>An order's side (<c>side</c>, <c>S</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BinanceOrderSide>))]
public enum BinanceOrderSide
{
    /// <summary><c>BUY</c>.</summary>
    [JsonStringEnumMemberName("BUY")]
    Buy,

    /// <summary><c>SELL</c>.</summary>
    [JsonStringEnumMemberName("SELL")]
    Sell,
}
