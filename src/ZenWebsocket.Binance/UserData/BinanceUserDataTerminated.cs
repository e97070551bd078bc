namespace ZenWebsocket.Binance;

/// <summary>An <c>eventStreamTerminated</c> event: the subscription ended (logout, unsubscribe, expiry; B.7).</summary>
public sealed record BinanceUserDataTerminated : BinanceUserDataEvent;
