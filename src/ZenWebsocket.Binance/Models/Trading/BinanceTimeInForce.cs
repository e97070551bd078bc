using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>How long an order rests (<c>timeInForce</c>, <c>f</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BinanceTimeInForce>))]
public enum BinanceTimeInForce
{
    /// <summary><c>GTC</c>: good till cancelled.</summary>
    [JsonStringEnumMemberName("GTC")]
    Gtc,

    /// <summary><c>IOC</c>: immediate or cancel.</summary>
    [JsonStringEnumMemberName("IOC")]
    Ioc,

    /// <summary><c>FOK</c>: fill or kill.</summary>
    [JsonStringEnumMemberName("FOK")]
    Fok,
}
