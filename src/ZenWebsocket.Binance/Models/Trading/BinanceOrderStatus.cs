using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>An order's status (<c>status</c>, <c>X</c>; B.7).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BinanceOrderStatus>))]
public enum BinanceOrderStatus
{
    /// <summary><c>NEW</c>: accepted and resting.</summary>
    [JsonStringEnumMemberName("NEW")]
    New,

    /// <summary><c>PENDING_NEW</c>: accepted, waiting for a trigger (order lists).</summary>
    [JsonStringEnumMemberName("PENDING_NEW")]
    PendingNew,

    /// <summary><c>PARTIALLY_FILLED</c>.</summary>
    [JsonStringEnumMemberName("PARTIALLY_FILLED")]
    PartiallyFilled,

    /// <summary><c>FILLED</c>.</summary>
    [JsonStringEnumMemberName("FILLED")]
    Filled,

    /// <summary><c>CANCELED</c>: cancelled by the user.</summary>
    [JsonStringEnumMemberName("CANCELED")]
    Canceled,

    /// <summary><c>PENDING_CANCEL</c> (unused by Binance).</summary>
    [JsonStringEnumMemberName("PENDING_CANCEL")]
    PendingCancel,

    /// <summary><c>REJECTED</c>.</summary>
    [JsonStringEnumMemberName("REJECTED")]
    Rejected,

    /// <summary><c>EXPIRED</c>: cancelled by the rules (IOC, FOK) or the exchange.</summary>
    [JsonStringEnumMemberName("EXPIRED")]
    Expired,

    /// <summary><c>EXPIRED_IN_MATCH</c>: expired by self-trade prevention.</summary>
    [JsonStringEnumMemberName("EXPIRED_IN_MATCH")]
    ExpiredInMatch,
}
