namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>REST request weight per IP in calendar-aligned one-minute buckets (B.8), for <c>X-MBX-USED-WEIGHT-1M</c>.</summary>
internal sealed class WeightMeter(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (long Minute, int Used)> _used = new(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="weight"/> and returns the weight used in the current minute.</summary>
    public int Add(string ip, int weight)
    {
        var minute = time.GetUtcNow().ToUnixTimeMilliseconds() / 60_000;
        lock (_lock)
        {
            var used = _used.TryGetValue(ip, out var bucket) && bucket.Minute == minute ? bucket.Used : 0;
            used += weight;
            _used[ip] = (minute, used);
            return used;
        }
    }
}
