using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>One entry of a response's <c>rateLimits</c> array: the server's count in one window (B.8).</summary>
public sealed record BinanceRateLimit
{
    /// <summary>Gets the kind: <c>REQUEST_WEIGHT</c>, <c>ORDERS</c>, <c>RAW_REQUESTS</c> or <c>CONNECTIONS</c>.</summary>
    [JsonPropertyName("rateLimitType")]
    public string RateLimitType { get; init; } = "";

    /// <summary>Gets the interval unit: <c>SECOND</c>, <c>MINUTE</c>, <c>HOUR</c> or <c>DAY</c>.</summary>
    [JsonPropertyName("interval")]
    public string Interval { get; init; } = "";

    /// <summary>Gets how many interval units the window spans.</summary>
    [JsonPropertyName("intervalNum")]
    public int IntervalNum { get; init; }

    /// <summary>Gets the limit of the window.</summary>
    [JsonPropertyName("limit")]
    public long Limit { get; init; }

    /// <summary>Gets the server's count in the current window, this request included.</summary>
    [JsonPropertyName("count")]
    public long Count { get; init; }

    /// <summary>Gets the window's length.</summary>
    [JsonIgnore]
    public TimeSpan Window => Interval switch
    {
        "SECOND" => TimeSpan.FromSeconds(IntervalNum),
        "MINUTE" => TimeSpan.FromMinutes(IntervalNum),
        "HOUR" => TimeSpan.FromHours(IntervalNum),
        "DAY" => TimeSpan.FromDays(IntervalNum),
        _ => TimeSpan.Zero,
    };
}
