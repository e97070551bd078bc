namespace ZenWebsocket;

/// <summary>Small helpers so every timeout is created on the injected clock.</summary>
internal static class TimeProviderExtensions
{
    /// <summary>Creates a source cancelled after <paramref name="delay"/> on <paramref name="time"/>.</summary>
    public static CancellationTokenSource CreateCancellationTokenSource(this TimeProvider time, TimeSpan delay) => new(delay, time);
}
