using System.Numerics;

namespace ZenWebsocket;

/// <summary>
/// Counts of latency samples (in <see cref="TimeSpan"/> ticks) in fixed log-linear buckets, kept incrementally.
/// </summary>
/// <remarks>
/// <para>
/// Why log-linear: latency spans many orders of magnitude (a 200 µs local round trip and a 3 s stall in one window),
/// and what matters is relative error. Linear buckets fine enough for microseconds would need millions of buckets to
/// reach seconds; purely exponential buckets (powers of two) are off by up to 50%. Splitting every power of two into
/// 128 equal sub-buckets (the HdrHistogram layout) bounds the relative error by 1/128 (≈0.8%, ≈0.4% with the midpoint
/// as representative) at every scale, with a bucket index found by one leading-zero count and a shift, and a fixed
/// size of 34 × 128 counters for 100 ns to 30 hours.
/// </para>
/// <para>
/// Buckets 0..127 hold the values 0..127 exactly. Above that, a value with highest set bit <c>e</c> lands in
/// magnitude <c>e - 6</c>, sub-bucket <c>(v &gt;&gt; (e - 7)) - 128</c>. A per-magnitude total lets a percentile scan
/// skip empty magnitudes, so reading costs about 34 + 128 steps per percentile rather than a scan of every bucket.
/// </para>
/// </remarks>
internal sealed class LatencyHistogram
{
    /// <summary>The largest value tracked, in ticks (2^40 - 1, about 30.5 hours); larger values are clamped to it.</summary>
    public const long MaxValue = (1L << 40) - 1;

    private const int SubBucketBits = 7;
    private const int SubBuckets = 1 << SubBucketBits;
    private const int Magnitudes = 40 - SubBucketBits + 1;

    private readonly int[] _counts = new int[Magnitudes * SubBuckets];
    private readonly int[] _magnitudeCounts = new int[Magnitudes];

    public static int IndexOf(long value)
    {
        if (value < SubBuckets)
        {
            return (int)value;
        }

        var exponent = 63 - BitOperations.LeadingZeroCount((ulong)value);
        var magnitude = exponent - SubBucketBits + 1;
        var sub = (int)(value >> (exponent - SubBucketBits)) - SubBuckets;
        return (magnitude * SubBuckets) + sub;
    }

    /// <summary>Returns the middle of the bucket at <paramref name="index"/>: the value reported for its samples.</summary>
    public static long ValueOf(int index)
    {
        var magnitude = index >> SubBucketBits;
        var sub = index & (SubBuckets - 1);
        if (magnitude == 0)
        {
            return sub;
        }

        var width = 1L << (magnitude - 1);
        var lower = (long)(SubBuckets + sub) << (magnitude - 1);
        return lower + ((width - 1) / 2);
    }

    public void Add(long value) => Change(IndexOf(value), 1);

    public void Remove(long value) => Change(IndexOf(value), -1);

    public void Clear()
    {
        Array.Clear(_counts);
        Array.Clear(_magnitudeCounts);
    }

    /// <summary>Returns the bucket value of the sample at each 1-based rank; <paramref name="ranks"/> must be ascending.</summary>
    public void ValuesAtRanks(ReadOnlySpan<long> ranks, Span<long> values)
    {
        var next = 0;
        long seen = 0;
        for (var m = 0; m < Magnitudes && next < ranks.Length; m++)
        {
            if (seen + _magnitudeCounts[m] < ranks[next])
            {
                seen += _magnitudeCounts[m];
                continue;
            }

            var first = m * SubBuckets;
            for (var i = first; i < first + SubBuckets && next < ranks.Length; i++)
            {
                seen += _counts[i];
                while (next < ranks.Length && seen >= ranks[next])
                {
                    values[next++] = ValueOf(i);
                }
            }
        }
    }

    private void Change(int index, int delta)
    {
        _counts[index] += delta;
        _magnitudeCounts[index >> SubBucketBits] += delta;
    }
}
