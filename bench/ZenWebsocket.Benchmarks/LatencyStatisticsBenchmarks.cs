using BenchmarkDotNet.Attributes;

namespace ZenWebsocket.Benchmarks;

/// <summary>Recording stays O(1) and reading never sorts, whatever the window size.</summary>
public class LatencyStatisticsBenchmarks
{
    private readonly LatencyStatistics _small = new(new LatencyStatisticsOptions { WindowSize = 128 });
    private readonly LatencyStatistics _large = new(new LatencyStatisticsOptions { WindowSize = 65_536 });
    private long _next;

    [GlobalSetup]
    public void Fill()
    {
        var random = new Random(7);
        for (var i = 0; i < 70_000; i++)
        {
            var sample = TimeSpan.FromTicks(random.Next(1_000, 50_000_000));
            _small.Record(sample);
            _large.Record(sample);
        }
    }

    [Benchmark]
    public void RecordWindow128() => _small.Record(TimeSpan.FromTicks(10_000 + (_next++ % 1_000_000)));

    [Benchmark]
    public void RecordWindow65536() => _large.Record(TimeSpan.FromTicks(10_000 + (_next++ % 1_000_000)));

    [Benchmark]
    public TimeSpan SnapshotWindow128() => _small.Snapshot().P99;

    [Benchmark]
    public TimeSpan SnapshotWindow65536() => _large.Snapshot().P99;
}
