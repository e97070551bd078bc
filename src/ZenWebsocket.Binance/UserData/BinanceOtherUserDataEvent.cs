namespace ZenWebsocket.Binance;

/// <summary>A user data event without a typed model here (<c>listStatus</c>, <c>externalLockUpdate</c>, newer
/// events): its type and raw JSON.</summary>
public sealed record BinanceOtherUserDataEvent : BinanceUserDataEvent
{
    /// <summary>Gets the raw JSON of the <c>event</c> object.</summary>
    public string Json { get; init; } = "";
}
