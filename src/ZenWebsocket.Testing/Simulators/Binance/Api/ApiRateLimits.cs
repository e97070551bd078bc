namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>
/// Calendar-aligned counters (B.8): REQUEST_WEIGHT per IP per minute, ORDERS per account per 10 seconds and per UTC
/// day, plus the IP's violation count and ban. Not thread-safe: the engine's lock guards it.
/// </summary>
internal sealed class ApiRateLimits(BinanceApiOptions options)
{
    private const long Minute = 60_000;
    private const long TenSeconds = 10_000;
    private const long Day = 86_400_000;

    private readonly Dictionary<string, Bucket> _weight = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Bucket> _orders10s = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Bucket> _ordersDay = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _violations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _bannedUntil = new(StringComparer.Ordinal);

    public int WeightLimit => options.RequestWeightPerMinute;

    public static long MinuteEnd(long now) => (now / Minute * Minute) + Minute;

    public int AddWeight(string ip, int weight, long now) => Add(_weight, ip, weight, now, Minute);

    public int Weight(string ip, long now) => Add(_weight, ip, 0, now, Minute);

    public (int TenSeconds, int Day) AddOrder(string account, long now) =>
        (Add(_orders10s, account, 1, now, TenSeconds), Add(_ordersDay, account, 1, now, Day));

    public (int TenSeconds, int Day) Orders(string account, long now) =>
        (Add(_orders10s, account, 0, now, TenSeconds), Add(_ordersDay, account, 0, now, Day));

    /// <summary>Where the ORDERS bucket that is over its limit resets, or <see langword="null"/> when none is.</summary>
    public long? OrdersExceededUntil(string account, long now)
    {
        var (tenSeconds, day) = Orders(account, now);
        if (tenSeconds > options.OrdersPer10Seconds)
        {
            return (now / TenSeconds * TenSeconds) + TenSeconds;
        }

        return day > options.OrdersPerDay ? (now / Day * Day) + Day : null;
    }

    /// <summary>Counts a weight violation; returns whether it bans the IP now.</summary>
    public bool Violate(string ip, long now)
    {
        var count = _violations.GetValueOrDefault(ip) + 1;
        _violations[ip] = count;
        if (options.ViolationsBeforeBan == 0 || count <= options.ViolationsBeforeBan)
        {
            return false;
        }

        _violations[ip] = 0;
        _bannedUntil[ip] = now + (long)options.BanDuration.TotalMilliseconds;
        return true;
    }

    public long? BannedUntil(string ip, long now) =>
        _bannedUntil.TryGetValue(ip, out var until) && until > now ? until : null;

    private static int Add(Dictionary<string, Bucket> buckets, string key, int amount, long now, long length)
    {
        var start = now / length * length;
        if (!buckets.TryGetValue(key, out var bucket) || bucket.Start != start)
        {
            bucket = new Bucket { Start = start };
            buckets[key] = bucket;
        }

        bucket.Count += amount;
        return bucket.Count;
    }

    private sealed class Bucket
    {
        public long Start { get; init; }

        public int Count { get; set; }
    }
}
