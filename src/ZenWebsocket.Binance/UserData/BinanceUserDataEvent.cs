using System.Text.Json.Serialization;

namespace ZenWebsocket.Binance;

/// <summary>An event of the user data stream (B.7): the <c>event</c> object of
/// <c>{"subscriptionId":N,"event":{...}}</c>. The derived type says which event it is.</summary>
public abstract record BinanceUserDataEvent
{
    /// <summary>Gets the event type (<c>e</c>), e.g. <c>executionReport</c>.</summary>
    [JsonPropertyName("e")]
    public string EventType { get; init; } = "";

    /// <summary>Gets the event time (<c>E</c>), ms since the Unix epoch.</summary>
    [JsonPropertyName("E")]
    public long EventTime { get; init; }
}
