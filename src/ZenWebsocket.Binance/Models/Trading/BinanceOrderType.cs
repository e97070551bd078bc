using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>An order's type (<c>type</c>, <c>o</c>; B.6.3).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BinanceOrderType>))]
public enum BinanceOrderType
{
    /// <summary><c>LIMIT</c>: needs time in force, price and quantity.</summary>
    [JsonStringEnumMemberName("LIMIT")]
    Limit,

    /// <summary><c>LIMIT_MAKER</c>: a post-only limit order; needs price and quantity.</summary>
    [JsonStringEnumMemberName("LIMIT_MAKER")]
    LimitMaker,

    /// <summary><c>MARKET</c>: needs quantity or quote order quantity.</summary>
    [JsonStringEnumMemberName("MARKET")]
    Market,

    /// <summary><c>STOP_LOSS</c>: needs quantity and stop price.</summary>
    [JsonStringEnumMemberName("STOP_LOSS")]
    StopLoss,

    /// <summary><c>STOP_LOSS_LIMIT</c>: needs time in force, price, quantity and stop price.</summary>
    [JsonStringEnumMemberName("STOP_LOSS_LIMIT")]
    StopLossLimit,

    /// <summary><c>TAKE_PROFIT</c>: needs quantity and stop price.</summary>
    [JsonStringEnumMemberName("TAKE_PROFIT")]
    TakeProfit,

    /// <summary><c>TAKE_PROFIT_LIMIT</c>: needs time in force, price, quantity and stop price.</summary>
    [JsonStringEnumMemberName("TAKE_PROFIT_LIMIT")]
    TakeProfitLimit,
}
