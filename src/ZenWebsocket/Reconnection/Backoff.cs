namespace ZenWebsocket;

/// <summary>Computes the delays of one reconnect sequence from a <see cref="ReconnectPolicy"/>.</summary>
internal sealed class Backoff
{
    private readonly ReconnectPolicy _policy;
    private readonly Func<double> _random;
    private TimeSpan _previous;
    private int _retries;

    public Backoff(ReconnectPolicy policy)
    {
        _policy = policy;
        _random = policy.RandomSource ?? Random.Shared.NextDouble;
        _previous = policy.BaseDelay;
    }

    /// <summary>Returns the delay before the next delayed retry and advances the sequence.</summary>
    public TimeSpan Next()
    {
        var cap = _policy.MaxDelay;
        var baseDelay = _policy.BaseDelay;

        // 2^n grows past any cap quickly; stop doubling before the multiplication can overflow.
        var exponential = _retries >= 30 ? cap : TimeSpan.FromTicks(Math.Min(cap.Ticks, baseDelay.Ticks * (1L << Math.Min(_retries, 30))));
        var delay = _policy.Jitter switch
        {
            JitterMode.Full => TimeSpan.FromTicks((long)(exponential.Ticks * Clamp01(_random()))),
            JitterMode.Decorrelated => Decorrelated(baseDelay, cap),
            _ => exponential,
        };
        _retries++;
        _previous = delay;
        return delay;
    }

    private TimeSpan Decorrelated(TimeSpan baseDelay, TimeSpan cap)
    {
        var upper = Math.Min(cap.Ticks, Math.Max(baseDelay.Ticks, _previous.Ticks) * 3);
        var ticks = baseDelay.Ticks + (long)((upper - baseDelay.Ticks) * Clamp01(_random()));
        return TimeSpan.FromTicks(Math.Min(ticks, cap.Ticks));
    }

    private static double Clamp01(double value) => double.IsNaN(value) ? 0 : Math.Clamp(value, 0, 1);
}
