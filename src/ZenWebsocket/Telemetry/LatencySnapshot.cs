namespace ZenWebsocket;

/// <summary>Latency statistics over the current window of a <see cref="LatencyStatistics"/>.</summary>
/// <remarks>
/// <see cref="Last"/>, <see cref="Min"/>, <see cref="Max"/> and <see cref="Mean"/> are exact. Percentiles are
/// nearest-rank values read from log-linear buckets: within about 0.4% of the true sample (exact below 12.8 µs), and
/// never outside [<see cref="Min"/>, <see cref="Max"/>]. Every duration is <see cref="TimeSpan.Zero"/> when the
/// window is empty.
/// </remarks>
public readonly record struct LatencySnapshot
{
    /// <summary>Gets the samples in the window.</summary>
    public int Count { get; init; }

    /// <summary>Gets the samples recorded since creation or the last reset, including those that left the window.</summary>
    public long TotalCount { get; init; }

    /// <summary>Gets whether the window holds no samples.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>Gets the most recent sample in the window.</summary>
    public TimeSpan Last { get; init; }

    /// <summary>Gets the smallest sample in the window.</summary>
    public TimeSpan Min { get; init; }

    /// <summary>Gets the largest sample in the window.</summary>
    public TimeSpan Max { get; init; }

    /// <summary>Gets the arithmetic mean of the window.</summary>
    public TimeSpan Mean { get; init; }

    /// <summary>Gets the median.</summary>
    public TimeSpan P50 { get; init; }

    /// <summary>Gets the 90th percentile.</summary>
    public TimeSpan P90 { get; init; }

    /// <summary>Gets the 99th percentile.</summary>
    public TimeSpan P99 { get; init; }

    /// <summary>Gets the 99.9th percentile.</summary>
    public TimeSpan P999 { get; init; }
}
