namespace ZenWebsocket;

/// <summary>
/// Round-trip latency over a sliding window (the last N samples, and optionally only those younger than an age):
/// percentiles, mean, min, max and last, cheap to record and to read. Created per connection for request and heartbeat
/// round trips.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Record"/> is O(1) (amortized): the sample goes into a ring buffer, its log-linear bucket count goes up
/// and the evicted sample's bucket count goes down, so the histogram always describes exactly the window. A snapshot
/// reads percentiles by walking the fixed buckets (no sort, no copy of the samples).
/// </para>
/// <para>
/// Min and max are exact, kept by two monotonic deques over the window rather than read from the highest and lowest
/// non-empty bucket: the extremes are what people alert on and compare with timeouts, so they should be the real
/// samples, and the deques cost amortized O(1) per sample. Samples above about 30 hours are stored as 30 hours.
/// </para>
/// <para>Thread-safe: recording and reading take one short lock.</para>
/// </remarks>
public sealed class LatencyStatistics
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly long[] _values;
    private readonly long[]? _stamps;
    private readonly long _maxAgeTicks;
    private readonly LatencyHistogram _histogram = new();
    private readonly LatencyMonotonicDeque _max;
    private readonly LatencyMonotonicDeque _min;

    // Sample number s lives in slot s % WindowSize; the window is the samples [_next - _count, _next).
    private long _next;
    private int _count;
    private long _sum;
    private long _total;

    /// <summary>Creates empty statistics.</summary>
    /// <param name="options">The window and exports. Default <see cref="LatencyStatisticsOptions.Default"/>.</param>
    /// <param name="timeProvider">The clock that ages samples when <see cref="LatencyStatisticsOptions.MaxAge"/> is set. Default <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    public LatencyStatistics(LatencyStatisticsOptions? options = null, TimeProvider? timeProvider = null)
    {
        Options = options ?? LatencyStatisticsOptions.Default;
        Options.Validate();
        _time = timeProvider ?? TimeProvider.System;
        _values = new long[Options.WindowSize];
        if (Options.MaxAge is { } age)
        {
            _stamps = new long[Options.WindowSize];
            _maxAgeTicks = age.Ticks;
        }

        _max = new LatencyMonotonicDeque(Options.WindowSize, max: true);
        _min = new LatencyMonotonicDeque(Options.WindowSize, max: false);
    }

    /// <summary>Gets the options the statistics were created with.</summary>
    public LatencyStatisticsOptions Options { get; }

    /// <summary>Adds one measured round trip.</summary>
    /// <param name="latency">The duration, zero or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="latency"/> is negative.</exception>
    public void Record(TimeSpan latency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        var value = Math.Min(latency.Ticks, LatencyHistogram.MaxValue);
        var now = _stamps is null ? 0 : _time.GetTimestamp();
        lock (_lock)
        {
            if (_count == _values.Length)
            {
                EvictOldestLocked();
            }

            EvictExpiredLocked(now);
            var seq = _next++;
            var slot = (int)(seq % _values.Length);
            _values[slot] = value;
            if (_stamps is not null)
            {
                _stamps[slot] = now;
            }

            _count++;
            _sum += value;
            _total++;
            _histogram.Add(value);
            _max.Push(seq, value, _values);
            _min.Push(seq, value, _values);
        }

        if (Options.Kind is { } kind)
        {
            ZenTelemetry.RecordRequestDuration(kind, latency);
        }

        Options.OnRecord?.Invoke(latency);
    }

    /// <summary>Returns the statistics of the current window.</summary>
    /// <returns>A snapshot; all durations are zero when the window is empty.</returns>
    public LatencySnapshot Snapshot()
    {
        Span<long> ranks = stackalloc long[4];
        Span<long> percentiles = stackalloc long[4];
        lock (_lock)
        {
            if (_stamps is not null)
            {
                EvictExpiredLocked(_time.GetTimestamp());
            }

            if (_count == 0)
            {
                return new LatencySnapshot { TotalCount = _total };
            }

            // Nearest rank: the smallest sample with at least p of the window at or below it.
            ranks[0] = Rank(0.5);
            ranks[1] = Rank(0.9);
            ranks[2] = Rank(0.99);
            ranks[3] = Rank(0.999);
            _histogram.ValuesAtRanks(ranks, percentiles);
            var min = _values[(int)(_min.Front % _values.Length)];
            var max = _values[(int)(_max.Front % _values.Length)];

            // A bucket's midpoint can lie past the window's real extremes; the exact extremes bound it.
            return new LatencySnapshot
            {
                Count = _count,
                TotalCount = _total,
                Last = TimeSpan.FromTicks(_values[(int)((_next - 1) % _values.Length)]),
                Min = TimeSpan.FromTicks(min),
                Max = TimeSpan.FromTicks(max),
                Mean = TimeSpan.FromTicks(_sum / _count),
                P50 = TimeSpan.FromTicks(Math.Clamp(percentiles[0], min, max)),
                P90 = TimeSpan.FromTicks(Math.Clamp(percentiles[1], min, max)),
                P99 = TimeSpan.FromTicks(Math.Clamp(percentiles[2], min, max)),
                P999 = TimeSpan.FromTicks(Math.Clamp(percentiles[3], min, max)),
            };
        }
    }

    /// <summary>Empties the window and the total count (for example after a reconnect to another server).</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _next = 0;
            _count = 0;
            _sum = 0;
            _total = 0;
            _histogram.Clear();
            _max.Clear();
            _min.Clear();
        }
    }

    private long Rank(double percentile) => Math.Max(1, (long)Math.Ceiling(percentile * _count));

    private void EvictOldestLocked()
    {
        var oldest = _next - _count;
        var value = _values[(int)(oldest % _values.Length)];
        _count--;
        _sum -= value;
        _histogram.Remove(value);
        _max.EvictBefore(oldest + 1);
        _min.EvictBefore(oldest + 1);
    }

    private void EvictExpiredLocked(long now)
    {
        if (_stamps is null)
        {
            return;
        }

        while (_count > 0 && _time.GetElapsedTime(_stamps[(int)((_next - _count) % _values.Length)], now).Ticks > _maxAgeTicks)
        {
            EvictOldestLocked();
        }
    }
}
