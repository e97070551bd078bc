using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>The connection's authentication as <c>session.logon</c>, <c>session.status</c> and <c>session.logout</c>
/// report it (B.6.2).</summary>
public sealed record BinanceSessionStatus
{
    /// <summary>Gets the logged-on API key; <see langword="null"/> when not logged on.</summary>
    [JsonPropertyName("apiKey")]
    public string? ApiKey { get; init; }

    /// <summary>Gets when the session was logged on, ms since the Unix epoch; <see langword="null"/> when not logged on.</summary>
    [JsonPropertyName("authorizedSince")]
    public long? AuthorizedSince { get; init; }

    /// <summary>Gets when the connection opened, ms since the Unix epoch.</summary>
    [JsonPropertyName("connectedSince")]
    public long ConnectedSince { get; init; }

    /// <summary>Gets whether responses carry <c>rateLimits</c> by default.</summary>
    [JsonPropertyName("returnRateLimits")]
    public bool ReturnRateLimits { get; init; }

    /// <summary>Gets the server time, ms since the Unix epoch.</summary>
    [JsonPropertyName("serverTime")]
    public long ServerTime { get; init; }

    /// <summary>Gets whether a user data subscription is active (<see langword="null"/>: not available).</summary>
    [JsonPropertyName("userDataStream")]
    public bool? UserDataStream { get; init; }
}
