using System.Diagnostics.Metrics;
using Microsoft.Extensions.Time.Testing;

namespace ZenWebsocket.Tests.Telemetry;

public sealed class LatencyStatisticsTests
{
    [Fact]
    public void An_empty_window_gives_a_zero_snapshot()
    {
        var snapshot = new LatencyStatistics().Snapshot();
        Assert.True(snapshot.IsEmpty);
        Assert.Equal(default, snapshot);
    }

    [Fact]
    public void Last_min_max_and_mean_are_exact()
    {
        var stats = new LatencyStatistics();
        foreach (var ms in new[] { 5.0, 1.25, 9.5, 3.0 })
        {
            stats.Record(TimeSpan.FromMilliseconds(ms));
        }

        var snapshot = stats.Snapshot();
        Assert.Equal(4, snapshot.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(3), snapshot.Last);
        Assert.Equal(TimeSpan.FromMilliseconds(1.25), snapshot.Min);
        Assert.Equal(TimeSpan.FromMilliseconds(9.5), snapshot.Max);
        Assert.Equal(TimeSpan.FromMilliseconds(4.6875), snapshot.Mean);
    }

    [Fact]
    public void A_single_sample_is_every_statistic()
    {
        var stats = new LatencyStatistics();
        var sample = TimeSpan.FromMicroseconds(1234.5);
        stats.Record(sample);
        var s = stats.Snapshot();
        Assert.All(new[] { s.Last, s.Min, s.Max, s.Mean, s.P50, s.P90, s.P99, s.P999 }, v => Assert.Equal(sample, v));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Percentiles_match_a_sorted_reference_within_bucket_precision(int seed)
    {
        var random = new Random(seed);
        var stats = new LatencyStatistics(new LatencyStatisticsOptions { WindowSize = 2_000 });
        var window = new Queue<long>();
        for (var i = 0; i < 5_000; i++)
        {
            // Log-normal-ish: most samples around a millisecond, a long tail to seconds, some below 12.8 µs (exact buckets).
            var ticks = (long)Math.Exp(random.NextDouble() * 18);
            stats.Record(TimeSpan.FromTicks(ticks));
            window.Enqueue(ticks);
            if (window.Count > 2_000)
            {
                window.Dequeue();
            }

            if (i % 997 == 0 || i == 4_999)
            {
                AssertMatches(window.Order().ToArray(), stats.Snapshot());
            }
        }
    }

    [Fact]
    public void The_window_keeps_the_last_N_samples()
    {
        var stats = new LatencyStatistics(new LatencyStatisticsOptions { WindowSize = 3 });
        foreach (var ms in new[] { 100, 1, 2, 3 })
        {
            stats.Record(TimeSpan.FromMilliseconds(ms));
        }

        var s = stats.Snapshot();
        Assert.Equal(3, s.Count);
        Assert.Equal(4, s.TotalCount);
        Assert.Equal(TimeSpan.FromMilliseconds(3), s.Max);
        Assert.Equal(TimeSpan.FromMilliseconds(1), s.Min);
        Assert.Equal(TimeSpan.FromMilliseconds(2), s.Mean);

        stats.Record(TimeSpan.FromMilliseconds(0.5));
        stats.Record(TimeSpan.FromMilliseconds(7));
        s = stats.Snapshot();
        Assert.Equal(TimeSpan.FromMilliseconds(0.5), s.Min);
        Assert.Equal(TimeSpan.FromMilliseconds(7), s.Max);
        Assert.Equal(TimeSpan.FromMilliseconds(7), s.Last);
    }

    [Fact]
    public void Min_and_max_stay_exact_as_a_sliding_window_moves()
    {
        var random = new Random(7);
        var stats = new LatencyStatistics(new LatencyStatisticsOptions { WindowSize = 64 });
        var window = new Queue<long>();
        for (var i = 0; i < 3_000; i++)
        {
            var ticks = random.Next(0, 1_000_000);
            stats.Record(TimeSpan.FromTicks(ticks));
            window.Enqueue(ticks);
            if (window.Count > 64)
            {
                window.Dequeue();
            }

            var s = stats.Snapshot();
            Assert.Equal(window.Max(), s.Max.Ticks);
            Assert.Equal(window.Min(), s.Min.Ticks);
            Assert.Equal(window.Sum() / window.Count, s.Mean.Ticks);
        }
    }

    [Fact]
    public void Samples_older_than_MaxAge_leave_the_window()
    {
        var time = new FakeTimeProvider();
        var stats = new LatencyStatistics(new LatencyStatisticsOptions { MaxAge = TimeSpan.FromSeconds(10) }, time);
        stats.Record(TimeSpan.FromMilliseconds(50));
        time.Advance(TimeSpan.FromSeconds(6));
        stats.Record(TimeSpan.FromMilliseconds(5));
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(2, stats.Snapshot().Count);

        time.Advance(TimeSpan.FromMilliseconds(1));
        var s = stats.Snapshot();
        Assert.Equal(1, s.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(5), s.Max);

        time.Advance(TimeSpan.FromSeconds(6));
        s = stats.Snapshot();
        Assert.True(s.IsEmpty);
        Assert.Equal(2, s.TotalCount);
    }

    [Fact]
    public void Reset_empties_everything()
    {
        var stats = new LatencyStatistics();
        stats.Record(TimeSpan.FromMilliseconds(1));
        stats.Reset();
        Assert.Equal(default, stats.Snapshot());
        stats.Record(TimeSpan.FromMilliseconds(2));
        Assert.Equal(TimeSpan.FromMilliseconds(2), stats.Snapshot().Max);
    }

    [Fact]
    public void Bad_values_and_options_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyStatistics().Record(TimeSpan.FromTicks(-1)));
        Assert.Equal("LatencyStatisticsOptions.WindowSize",
            Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyStatistics(new LatencyStatisticsOptions { WindowSize = 0 })).ParamName);
        Assert.Equal("LatencyStatisticsOptions.MaxAge",
            Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyStatistics(new LatencyStatisticsOptions { MaxAge = TimeSpan.Zero })).ParamName);
        Assert.Throws<ArgumentException>(() => new LatencyStatistics(new LatencyStatisticsOptions { Kind = "" }));
    }

    [Fact]
    public void Huge_samples_are_clamped_not_lost()
    {
        var stats = new LatencyStatistics();
        stats.Record(TimeSpan.FromDays(30));
        Assert.Equal(LatencyHistogram.MaxValue, stats.Snapshot().P99.Ticks);
    }

    [Fact]
    public async Task Concurrent_recording_keeps_counts_and_sums_consistent()
    {
        var stats = new LatencyStatistics(new LatencyStatisticsOptions { WindowSize = 100_000 });
        var tasks = Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                stats.Record(TimeSpan.FromTicks(1_000 + t));
                if (i % 500 == 0)
                {
                    var s = stats.Snapshot();
                    Assert.InRange(s.Min.Ticks, 1_000, 1_007);
                    Assert.InRange(s.Max.Ticks, 1_000, 1_007);
                }
            }
        }));
        await Task.WhenAll(tasks);

        var snapshot = stats.Snapshot();
        Assert.Equal(80_000, snapshot.Count);
        Assert.Equal(80_000, snapshot.TotalCount);
        Assert.Equal(1_000, snapshot.Min.Ticks);
        Assert.Equal(1_007, snapshot.Max.Ticks);
        Assert.Equal(1_003, snapshot.Mean.Ticks);
        Assert.InRange(snapshot.P50.Ticks, 1_000, 1_007);
    }

    [Fact]
    public void Each_sample_also_goes_to_the_meter_and_the_callback()
    {
        var kind = $"test-{Guid.NewGuid():N}";
        var measured = new List<double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ZenWebsocketTelemetry.Name && instrument.Name == "zenws.request.duration")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "kind" && (string?)tag.Value == kind)
                {
                    lock (measured)
                    {
                        measured.Add(value);
                    }
                }
            }
        });
        listener.Start();

        var seen = new List<TimeSpan>();
        var stats = new LatencyStatistics(new LatencyStatisticsOptions { Kind = kind, OnRecord = seen.Add });
        stats.Record(TimeSpan.FromMilliseconds(250));
        Assert.Equal([0.25], measured);
        Assert.Equal([TimeSpan.FromMilliseconds(250)], seen);
    }

    private static void AssertMatches(long[] sorted, LatencySnapshot snapshot)
    {
        Assert.Equal(sorted.Length, snapshot.Count);
        Assert.Equal(sorted[0], snapshot.Min.Ticks);
        Assert.Equal(sorted[^1], snapshot.Max.Ticks);
        foreach (var (p, actual) in new[] { (0.5, snapshot.P50), (0.9, snapshot.P90), (0.99, snapshot.P99), (0.999, snapshot.P999) })
        {
            var expected = sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];

            // Buckets are 1/128 wide relative to their lower bound; the midpoint is within half of that.
            var tolerance = Math.Max(0.5, expected / 128.0 / 2);
            Assert.True(Math.Abs(actual.Ticks - expected) <= tolerance, $"p{p * 100}: {actual.Ticks} vs {expected} (±{tolerance})");
        }
    }
}
