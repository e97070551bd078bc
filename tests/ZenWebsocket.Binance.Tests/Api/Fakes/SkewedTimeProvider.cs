namespace ZenWebsocket.Binance.Tests.Api.Fakes;

/// <summary>The system clock shifted by a fixed skew (a client machine whose clock is wrong); timers and timestamps
/// stay real, so only wall-clock readings are off.</summary>
internal sealed class SkewedTimeProvider(TimeSpan skew) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + skew;
}
