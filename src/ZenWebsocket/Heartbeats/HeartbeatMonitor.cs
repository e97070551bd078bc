namespace ZenWebsocket;

/// <summary>Heartbeat statistics of one client, kept across reconnects; thread-safe.</summary>
internal sealed class HeartbeatMonitor
{
    private readonly TimeProvider _time;
    private long _lastBeatTimestamp;
    private long _lastRoundTripTicks = -1;
    private int _consecutiveMisses;
    private long _totalMisses;
    private long _timeouts;

    public HeartbeatMonitor(string strategy, TimeProvider time)
    {
        Strategy = strategy;
        _time = time;
        // No Kind: heartbeat round trips already go to zenws.heartbeat.rtt.
        Latency = new LatencyStatistics(LatencyStatisticsOptions.Default, time);
    }

    public string Strategy { get; }

    public LatencyStatistics Latency { get; }

    public void RecordBeat()
    {
        Volatile.Write(ref _lastBeatTimestamp, _time.GetTimestamp());
        Volatile.Write(ref _consecutiveMisses, 0);
    }

    public void RecordRoundTrip(TimeSpan roundTrip)
    {
        RecordBeat();
        Volatile.Write(ref _lastRoundTripTicks, roundTrip.Ticks);
        ZenTelemetry.RecordHeartbeatRoundTrip(roundTrip, Strategy);
        Latency.Record(roundTrip);
    }

    public void RecordMiss()
    {
        Interlocked.Increment(ref _consecutiveMisses);
        Interlocked.Increment(ref _totalMisses);
        ZenTelemetry.RecordHeartbeatMiss(Strategy);
    }

    public void RecordTimeout() => Interlocked.Increment(ref _timeouts);

    public HeartbeatHealth Snapshot(long lastReceivedTimestamp)
    {
        var lastBeat = Volatile.Read(ref _lastBeatTimestamp);
        var rtt = Volatile.Read(ref _lastRoundTripTicks);
        return new HeartbeatHealth(
            Strategy,
            lastReceivedTimestamp == 0 ? null : _time.GetElapsedTime(lastReceivedTimestamp),
            lastBeat == 0 ? null : _time.GetElapsedTime(lastBeat),
            rtt < 0 ? null : TimeSpan.FromTicks(rtt),
            Volatile.Read(ref _consecutiveMisses),
            Interlocked.Read(ref _totalMisses),
            Interlocked.Read(ref _timeouts));
    }
}
