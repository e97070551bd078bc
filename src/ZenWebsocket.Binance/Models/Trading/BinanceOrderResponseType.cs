using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>How much <c>order.place</c> answers (<c>newOrderRespType</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BinanceOrderResponseType>))]
public enum BinanceOrderResponseType
{
    /// <summary><c>ACK</c>: ids and time only.</summary>
    [JsonStringEnumMemberName("ACK")]
    Ack,

    /// <summary><c>RESULT</c>: the order's state too.</summary>
    [JsonStringEnumMemberName("RESULT")]
    Result,

    /// <summary><c>FULL</c>: the order's state and its immediate fills.</summary>
    [JsonStringEnumMemberName("FULL")]
    Full,
}
