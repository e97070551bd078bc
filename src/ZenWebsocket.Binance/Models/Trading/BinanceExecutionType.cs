using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>What an <c>executionReport</c> reports (<c>x</c>; B.7).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BinanceExecutionType>))]
public enum BinanceExecutionType
{
    /// <summary><c>NEW</c>: the order was accepted.</summary>
    [JsonStringEnumMemberName("NEW")]
    New,

    /// <summary><c>CANCELED</c>.</summary>
    [JsonStringEnumMemberName("CANCELED")]
    Canceled,

    /// <summary><c>REPLACED</c>.</summary>
    [JsonStringEnumMemberName("REPLACED")]
    Replaced,

    /// <summary><c>REJECTED</c>.</summary>
    [JsonStringEnumMemberName("REJECTED")]
    Rejected,

    /// <summary><c>TRADE</c>: a fill.</summary>
    [JsonStringEnumMemberName("TRADE")]
    Trade,

    /// <summary><c>EXPIRED</c>.</summary>
    [JsonStringEnumMemberName("EXPIRED")]
    Expired,

    /// <summary><c>TRADE_PREVENTION</c>: self-trade prevention acted.</summary>
    [JsonStringEnumMemberName("TRADE_PREVENTION")]
    TradePrevention,
}
